// Passkeys (WebAuthn) for Priora's own pages, against Spring Security's WebAuthn endpoints:
// [data-passkey-register] (a form with a "label" field): POST webauthn/register/options, navigator.credentials.create,
// POST webauthn/register, then the form itself is submitted (post/redirect/get to the page, with a toast);
// [data-passkey-sign-in] (a box with a button): POST webauthn/authenticate/options, navigator.credentials.get,
// POST login/webauthn, then the page Spring Security names. Both show what went wrong in their #passkey-error.
(function () {
  'use strict';

  function encode(buffer) {
    var bytes = new Uint8Array(buffer), text = '';
    for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
    return window.btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  }

  function decode(base64url) {
    var text = window.atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i); }
    return bytes.buffer;
  }

  function post(url, body) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var meta = document.querySelector('meta[name="_csrf"]');
    if (meta) { headers['X-CSRF-TOKEN'] = meta.content; }
    return fetch(url, { method: 'POST', headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
  }

  function json(response, what) {
    if (!response.ok) { throw new Error(what + ' (HTTP ' + response.status + ')'); }
    return response.json();
  }

  function showError(box, message) {
    var error = box.querySelector('#passkey-error');
    if (error) { error.textContent = message; error.hidden = false; }
  }

  function supported(box) {
    if (window.PublicKeyCredential && navigator.credentials) { return true; }
    showError(box, 'This browser cannot use passkeys.');
    return false;
  }

  function descriptors(list) {
    return (list || []).map(function (c) { return Object.assign({}, c, { id: decode(c.id) }); });
  }

  // Why a registration failed, in words for the person: the browser's own message for an
  // authenticator that already holds one of the account's passkeys (InvalidStateError, from
  // excludeCredentials) speaks of relying parties and credentials.
  function registerRefusal(e) {
    if (e && e.name === 'NotAllowedError') { return 'it was cancelled or timed out.'; }
    if (e && e.name === 'InvalidStateError') {
      return 'this device or password manager already keeps a passkey for your account (see the list above); '
        + 'add one from another device, or remove the old one first.';
    }
    return e && e.message ? e.message : 'the browser refused.';
  }

  function register(form, button) {
    var base = form.getAttribute('data-passkey-base') || '/';
    var label = form.elements.label.value.trim();
    return post(base + 'webauthn/register/options').then(function (r) { return json(r, 'No passkey options'); })
      .then(function (options) {
        options.challenge = decode(options.challenge);
        options.user = Object.assign({}, options.user, { id: decode(options.user.id) });
        options.excludeCredentials = descriptors(options.excludeCredentials);
        return navigator.credentials.create({ publicKey: options });
      })
      .then(function (credential) {
        var response = credential.response;
        return post(base + 'webauthn/register', { publicKey: { label: label, credential: {
          id: credential.id, rawId: encode(credential.rawId), type: credential.type,
          response: { attestationObject: encode(response.attestationObject),
            clientDataJSON: encode(response.clientDataJSON),
            transports: response.getTransports ? response.getTransports() : [] },
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment } } });
      })
      .then(function (r) { return json(r, 'The passkey was not accepted'); })
      .then(function (result) {
        if (!result || !result.success) { throw new Error('The passkey was not accepted'); }
        form.submit();
      })
      .catch(function (e) {
        button.disabled = false;
        showError(form, 'No passkey was added: ' + registerRefusal(e));
      });
  }

  function signIn(box, button) {
    var base = box.getAttribute('data-passkey-base') || '/';
    return post(base + 'webauthn/authenticate/options').then(function (r) { return json(r, 'No sign-in options'); })
      .then(function (options) {
        options.challenge = decode(options.challenge);
        options.allowCredentials = descriptors(options.allowCredentials);
        return navigator.credentials.get({ publicKey: options });
      })
      .then(function (credential) {
        var response = credential.response;
        return post(base + 'login/webauthn', {
          id: credential.id, rawId: encode(credential.rawId), type: credential.type,
          response: { authenticatorData: encode(response.authenticatorData),
            clientDataJSON: encode(response.clientDataJSON), signature: encode(response.signature),
            userHandle: response.userHandle ? encode(response.userHandle) : null },
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment });
      })
      .then(function (r) {
        if (r.status === 401) { throw new Error('That passkey did not sign you in, or there were too many attempts.'); }
        return json(r, 'Signing in failed');
      })
      .then(function (result) {
        if (!result || !result.authenticated) { throw new Error('Signing in failed.'); }
        window.location.assign(result.redirectUrl || base);
      })
      .catch(function (e) {
        button.disabled = false;
        showError(box, e && e.name === 'NotAllowedError'
          ? 'Signing in with a passkey was cancelled or timed out.'
          : (e && e.message ? e.message : 'Signing in with a passkey failed.'));
      });
  }

  document.querySelectorAll('form[data-passkey-register]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (!form.reportValidity() || !supported(form)) { return; }
      var button = form.querySelector('button[type=submit]');
      button.disabled = true;
      register(form, button);
    });
  });

  document.querySelectorAll('[data-passkey-sign-in]').forEach(function (box) {
    var button = box.querySelector('button');
    button.addEventListener('click', function () {
      if (!supported(box)) { return; }
      button.disabled = true;
      signIn(box, button);
    });
  });
})();

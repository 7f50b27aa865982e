// Draws every [data-chart] element with Apache ECharts (loaded before this file by the pages that have charts).
// The element's data-chart holds what web/Chart.java describes: x ("category", "time", "value"), xName, yName,
// categories, series [{name, type: bar|line|area|scatter, data, style: solid|dashed|thin, colour: 1-6}] and levels
// [{label, value}] (labelled horizontal lines). data-unit names the y axis when yName is empty. Colours and text come
// from the stylesheet's custom properties, so charts follow light and dark mode. The table beside each chart carries
// the same numbers for screen readers and copying.
(function () {
  'use strict';
  if (!window.echarts) { return; }

  function css(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function theme() {
    return {
      text: css('--text') || '#1b1f27',
      muted: css('--text-muted') || '#5d6473',
      border: css('--border') || '#e4e6eb',
      surface: css('--surface') || '#ffffff',
      colours: [1, 2, 3, 4, 5, 6].map(function (i) { return css('--chart-' + i) || '#4f46e5'; })
    };
  }

  function niceNumber(v) {
    if (typeof v !== 'number') { return v; }
    return Math.round(v * 10) / 10;
  }

  // The tooltip of a point: its series, its name (a third element of the data), and its value.
  function pointLabel(p, unit) {
    var v = Array.isArray(p.value) ? p.value : [p.name, p.value];
    var name = v.length > 2 ? v[2] : '';
    var y = niceNumber(v[1]);
    return p.marker + ' ' + escapeHtml(p.seriesName) + (name ? ' · ' + escapeHtml(String(name)) : '') +
      ': <strong>' + escapeHtml(String(y)) + '</strong>' + (unit ? ' ' + escapeHtml(unit) : '');
  }

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function option(spec, unit, label, t) {
    var yName = spec.yName || unit || '';
    var stacked = spec.series.some(function (s) { return s.type === 'area'; });
    var series = spec.series.map(function (s) {
      var colour = t.colours[(s.colour || 1) - 1];
      var out = {
        name: s.name,
        type: s.type === 'area' ? 'line' : s.type,
        data: s.data,
        itemStyle: { color: colour },
        emphasis: { focus: 'series' }
      };
      if (s.type === 'line' || s.type === 'area') {
        out.showSymbol = s.style !== 'dashed' && s.data.length <= 40;
        out.symbolSize = 6;
        out.lineStyle = { color: colour, width: s.style === 'thin' ? 1.5 : (s.style === 'dashed' ? 1.5 : 2.5),
          type: s.style === 'dashed' ? 'dashed' : 'solid' };
      }
      if (s.type === 'area') {
        out.stack = 'total';
        out.areaStyle = { color: colour, opacity: 0.85 };
        out.lineStyle.width = 0;
        out.showSymbol = false;
      }
      if (s.type === 'scatter') {
        out.symbolSize = 9;
      }
      if (s.type === 'bar') {
        out.barMaxWidth = 36;
        if (spec.stacked) { out.stack = 'total'; }
      }
      return out;
    });
    if (spec.levels && spec.levels.length && series.length) {
      // labelled horizontal lines, their labels at the right end, one above the other when they are close
      series[0].markLine = {
        silent: true,
        symbol: 'none',
        lineStyle: { color: t.muted, type: 'dashed', width: 1 },
        label: { position: 'insideEndTop', color: t.muted, formatter: '{b}' },
        data: spec.levels.map(function (l, i) {
          return { name: l.label, yAxis: l.value, label: { position: ['insideEndTop', 'insideStartTop', 'insideMiddleTop'][i % 3] } };
        })
      };
    }
    var axisLine = { lineStyle: { color: t.border } };
    var axisLabel = { color: t.muted, hideOverlap: true };
    return {
      // the page's own label describes the chart; the table beside it carries the numbers
      aria: { enabled: true, label: { description: label || undefined } },
      animation: false,
      textStyle: { color: t.text, fontFamily: getComputedStyle(document.body).fontFamily },
      color: t.colours,
      grid: { left: 56, right: 24, top: 48, bottom: spec.xName ? 56 : 36, containLabel: false },
      legend: { top: 0, left: 0, textStyle: { color: t.text }, itemGap: 16, icon: stacked ? 'roundRect' : undefined },
      tooltip: {
        trigger: spec.x === 'category' || stacked ? 'axis' : 'item',
        backgroundColor: t.surface,
        borderColor: t.border,
        textStyle: { color: t.text },
        formatter: function (params) {
          var list = Array.isArray(params) ? params : [params];
          var head = list.length && spec.x !== 'category' && Array.isArray(list[0].value)
            ? escapeHtml(String(list[0].value[0])) : escapeHtml(String(list[0] ? list[0].name : ''));
          return (head ? head + '<br>' : '') + list.map(function (p) { return pointLabel(p, yName); }).join('<br>');
        }
      },
      xAxis: {
        type: spec.x,
        data: spec.x === 'category' ? spec.categories : undefined,
        name: spec.xName || '',
        nameLocation: 'middle',
        nameGap: 32,
        nameTextStyle: { color: t.muted },
        boundaryGap: spec.x === 'category' && spec.series.some(function (s) { return s.type === 'bar'; }),
        axisLine: axisLine,
        axisLabel: axisLabel,
        splitLine: { show: false }
      },
      yAxis: {
        type: 'value',
        name: yName,
        nameTextStyle: { color: t.muted, align: 'left' },
        minInterval: 1,
        axisLine: axisLine,
        axisLabel: { color: t.muted },
        splitLine: { lineStyle: { color: t.border } }
      },
      series: series
    };
  }

  var charts = [];

  // A chart with data-drill (a URL), data-filters (one filter per series, "|"-separated) and data-drill-target (a
  // selector): clicking a bar loads that URL with ?week=<category>&filter=<the series' filter> into the target.
  function drillDown(el, chart) {
    if (!el.dataset.drill || !window.htmx) { return; }
    var filters = (el.dataset.filters || '').split('|');
    chart.on('click', function (p) {
      var url = el.dataset.drill + '?week=' + encodeURIComponent(p.name) + '&filter=' +
        encodeURIComponent(filters[p.seriesIndex] || '');
      window.htmx.ajax('GET', url, { target: el.dataset.drillTarget, swap: 'innerHTML' });
    });
  }

  function draw(root) {
    var t = theme();
    (root || document).querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.dataset.drawn) { return; }
      var spec;
      try { spec = JSON.parse(el.dataset.chart); } catch (e) { return; }
      spec.stacked = el.dataset.stacked === 'true';
      el.dataset.drawn = 'true';
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(option(spec, el.dataset.unit, el.getAttribute('aria-label'), t));
      drillDown(el, chart);
      charts.push(chart);
    });
  }

  var pending = null;
  window.addEventListener('resize', function () {
    clearTimeout(pending);
    pending = setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 150);
  });
  if (window.matchMedia) {
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', function () {
      charts.forEach(function (c) { c.dispose(); });
      charts = [];
      document.querySelectorAll('[data-chart][data-drawn]').forEach(function (el) { delete el.dataset.drawn; });
      draw(null);
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { draw(null); });
  } else {
    draw(null);
  }
  document.addEventListener('htmx:afterSwap', function (e) { draw(e.detail.target); });
}());

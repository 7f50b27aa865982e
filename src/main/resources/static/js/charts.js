// Draws every [data-chart] element with Apache ECharts (loaded before this file by the pages that have charts).
// The element's data-chart holds what web/Chart.java describes: x ("category", "time", "value"), xName, yName,
// categories, series [{name, type: bar|line|area|scatter, data, style: solid|dashed|thin, colour: 1-10}] and levels
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
      colours: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(function (i) { return css('--chart-' + i) || '#4f46e5'; })
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

  // ECharts wraps a long legend over several rows but does not move the plot down for them: count the rows the
  // legend takes at this width (its items: a 25 px icon, 5 px, the name in 12 px text, 16 px apart, 5 px padding).
  var LEGEND_ROW = 30;
  var measure = null;
  function legendRows(names, width) {
    measure = measure || document.createElement('canvas').getContext('2d');
    measure.font = '12px ' + getComputedStyle(document.body).fontFamily;
    var rows = 1;
    var x = 0;
    names.forEach(function (n) {
      var w = 25 + 5 + measure.measureText(n).width;
      // 4 % to spare: text measured here and by ECharts can differ by a pixel or two per item
      if (x > 0 && x + w > (width - 10) * 0.96) { rows++; x = 0; }
      x += w + 16;
    });
    return rows;
  }

  // The room above the plot (the legend's rows, then the y axis' name) and the chart's height, grown by the legend's
  // extra rows so the plot keeps its height.
  function layout(el, spec) {
    var rows = legendRows(spec.series.map(function (s) { return s.name; }), el.clientWidth);
    el.dataset.baseHeight = el.dataset.baseHeight || String(el.clientHeight);
    el.style.height = (Number(el.dataset.baseHeight) + (rows - 1) * LEGEND_ROW) + 'px';
    return { top: 20 + rows * LEGEND_ROW };
  }

  function option(spec, unit, label, t, room) {
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
      grid: { left: 56, right: 24, top: room.top, bottom: spec.xName ? 56 : 36, containLabel: false },
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
  // data-weeks (the categories' ISO dates, "|"-separated) gives the week when the categories are labels.
  function drillDown(el, chart) {
    if (!el.dataset.drill || !window.htmx) { return; }
    var filters = (el.dataset.filters || '').split('|');
    var weeks = el.dataset.weeks ? el.dataset.weeks.split('|') : null;
    chart.on('click', function (p) {
      var week = weeks ? weeks[p.dataIndex] : p.name;
      var url = el.dataset.drill + '?week=' + encodeURIComponent(week) + '&filter=' +
        encodeURIComponent(filters[p.seriesIndex] || '') + '&series=' + encodeURIComponent(p.seriesName || '');
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
      var room = layout(el, spec);
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(option(spec, el.dataset.unit, el.getAttribute('aria-label'), t, room));
      drillDown(el, chart);
      var entry = { chart: chart, el: el, spec: spec, width: el.clientWidth };
      charts.push(entry);
      // the chart's width also changes without a window resize (a scroll bar appears as the page grows): lay the
      // legend out again then; its height changes are this code's own and are left alone
      if (window.ResizeObserver) {
        new ResizeObserver(function () {
          if (entry.el.clientWidth !== entry.width) {
            entry.width = entry.el.clientWidth;
            relayout(entry);
          }
        }).observe(el);
      }
    });
  }

  var pending = null;
  window.addEventListener('resize', function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      charts.forEach(relayout);
    }, 150);
  });

  function relayout(c) {
    c.chart.setOption({ grid: { top: layout(c.el, c.spec).top } });
    c.chart.resize();
  }
  if (window.matchMedia) {
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', function () {
      charts.forEach(function (c) { c.chart.dispose(); });
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

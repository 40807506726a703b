// Chart helpers shared by the run report and the comparison (Apache ECharts, canvas renderer).
var RH = (function () {
  'use strict';
  var charts = [];
  var BAND = { A: 'rgba(214, 39, 40, 0.13)', B: 'rgba(31, 119, 180, 0.13)' };
  var BAND_TEXT = { A: '#a61b1b', B: '#1f5f99' };

  function data() {
    return JSON.parse(document.getElementById('report-data').textContent);
  }

  function fmt(v) {
    if (v === null || v === undefined || isNaN(v)) return '—';
    if (Math.abs(v) >= 100 || v === Math.round(v)) return String(Math.round(v * 10) / 10);
    return String(Math.round(v * 1000) / 1000);
  }

  function fmtMs(ms) {
    if (ms >= 1000) return fmt(ms / 1000) + ' s';
    return fmt(ms) + ' ms';
  }

  // A series that carries no data, only the fault windows: bands and, for faults without an
  // end, dashed marker lines. Named "faults" so a legend click hides them.
  function faultSeries(faults, side, name) {
    side = side || 'A';
    var areas = [], lines = [];
    // t = 0 is the first injected message: a fault that began before it starts at 0, one that
    // was over before it is not drawn (the fault table lists it).
    (faults || []).forEach(function (f) {
      var label = f.action + (f.target ? ' ' + f.target : '');
      var start = Math.max(0, f.startSec);
      if (f.endSec === null || f.endSec === undefined) {
        lines.push({ xAxis: start, name: label });
      } else if (f.endSec >= 0) {
        // the whole fault, apply to undo, pale; the span it was surely in effect (the one the
        // verdicts judge), full colour and labelled
        var from = f.effectStartSec === undefined ? f.startSec : f.effectStartSec;
        var to = f.effectEndSec === undefined || f.effectEndSec === null ? f.endSec : f.effectEndSec;
        if (from > f.startSec + 0.05 || to < f.endSec - 0.05) {
          areas.push([{ xAxis: start, itemStyle: { opacity: 0.35 } }, { xAxis: f.endSec }]);
        }
        if (to >= 0) {
          areas.push([{ xAxis: Math.max(0, from), name: label }, { xAxis: to }]);
        }
      }
    });
    return {
      name: name || 'faults', type: 'line', data: [], isFaults: true,
      itemStyle: { color: BAND_TEXT[side] }, lineStyle: { opacity: 0 }, symbol: 'none',
      markArea: {
        silent: true, itemStyle: { color: BAND[side] },
        label: { show: true, position: 'insideTop', color: BAND_TEXT[side], fontSize: 11 },
        data: areas
      },
      markLine: {
        silent: true, symbol: 'none',
        lineStyle: { color: BAND_TEXT[side], type: 'dashed', width: 1.5 },
        label: { show: true, position: 'insideEndTop', color: BAND_TEXT[side], fontSize: 11,
                 formatter: '{b}' },
        data: lines
      }
    };
  }

  function lineSeries(name, points, extra) {
    var s = { name: name, type: 'line', data: points || [], showSymbol: false, sampling: 'lttb',
              lineStyle: { width: 1.6 }, emphasis: { focus: 'series' } };
    return Object.assign(s, extra || {});
  }

  function scatterSeries(name, points, extra) {
    var s = { name: name, type: 'scatter', data: points || [], symbolSize: 5, large: true };
    return Object.assign(s, extra || {});
  }

  // Data series only: not the fault bands, not guide lines.
  function isData(s) { return !s.isFaults && !s.isGuide; }

  function countPoints(series) {
    return series.filter(isData)
      .reduce(function (n, s) { return n + (s.data ? s.data.length : 0); }, 0);
  }

  function box(id) {
    var el = document.getElementById(id);
    if (!el) throw new Error('no chart element #' + id);
    return el;
  }

  // Replaces the chart with a note and records why it was not drawn.
  function skip(id, reason) {
    var el = box(id);
    el.classList.add('skipped');
    el.textContent = 'Not drawn: ' + reason;
    window.__reportStatus.charts[id] = { title: el.dataset.title, series: 0, points: 0,
                                         pixels: 0, skipped: reason };
  }

  // Draws an option in #id; the x axis is seconds since the first injected message unless the
  // option says.
  function draw(id, option) {
    var el = box(id);
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var base = {
      animation: false,
      grid: { left: 64, right: option.yAxis && option.yAxis.length > 1 ? 64 : 24, top: 56,
              bottom: 48, containLabel: false },
      legend: { top: 4, left: 'center', type: 'scroll', width: '70%' },
      tooltip: { trigger: 'axis', valueFormatter: fmt },
      toolbox: { right: 8, top: 0, itemSize: 13, feature: { dataZoom: { yAxisIndex: 'none' }, restore: {},
                                               saveAsImage: {} } },
      dataZoom: [{ type: 'inside', xAxisIndex: 0, filterMode: 'none' }]
    };
    chart.setOption(Object.assign(base, option));
    var series = option.series || [];
    charts.push({ id: id, chart: chart });
    window.__reportStatus.charts[id] = {
      title: el.dataset.title,
      series: series.filter(isData).length,
      points: countPoints(series),
      faultBands: series.filter(function (s) { return s.isFaults; })
        .reduce(function (n, s) { return n + s.markArea.data.length + s.markLine.data.length; }, 0),
      pixels: 0, skipped: null
    };
    return chart;
  }

  function timeAxis(durationSec) {
    return { type: 'value', name: 't (s since the first message)', nameLocation: 'middle', nameGap: 28, min: 0,
             max: durationSec > 0 ? Math.ceil(durationSec) : null,
             axisLabel: { formatter: function (v) { return fmt(v); } } };
  }

  function valueAxis(name, extra) {
    return Object.assign({ type: 'value', name: name, nameTextStyle: { align: 'left' },
                           axisLabel: { formatter: function (v) { return fmt(v); } } }, extra || {});
  }

  // Counts drawn (non-background) pixels of a chart's canvas.
  function inkPixels(chart) {
    var canvas = chart.getDom().querySelector('canvas');
    if (!canvas) return 0;
    var ctx = canvas.getContext('2d');
    var img = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    var n = 0;
    for (var i = 0; i < img.length; i += 16) {
      if (img[i + 3] > 0 && (img[i] < 250 || img[i + 1] < 250 || img[i + 2] < 250)) n++;
    }
    return n * 4;
  }

  // Paints every chart now, records drawn pixels, and marks the page ready.
  function finish(page) {
    charts.forEach(function (c) {
      c.chart.getZr().flush();
      window.__reportStatus.charts[c.id].pixels = inkPixels(c.chart);
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (c) { c.chart.resize(); });
    });
    window.__reportStatus.page = page;
    window.__reportStatus.ready = true;
    var out = document.createElement('script');
    out.type = 'application/json';
    out.id = 'report-status';
    out.textContent = JSON.stringify(window.__reportStatus);
    document.body.appendChild(out);
  }

  // Runs each chart builder on its own, so one failure shows as an error and not a blank page.
  function safely(id, builder) {
    try {
      builder();
    } catch (e) {
      window.__reportStatus.errors.push('chart ' + id + ': ' + (e && e.stack ? e.stack : e));
      try { skip(id, 'error while drawing: ' + e); } catch (ignored) { /* element missing */ }
    }
  }

  function histogramLabels(edges) {
    return edges.map(function (e) { return '≤ ' + fmtMs(e); });
  }

  return { data: data, fmt: fmt, fmtMs: fmtMs, faultSeries: faultSeries, lineSeries: lineSeries,
           scatterSeries: scatterSeries, draw: draw, skip: skip, finish: finish, safely: safely,
           timeAxis: timeAxis, valueAxis: valueAxis, histogramLabels: histogramLabels };
})();

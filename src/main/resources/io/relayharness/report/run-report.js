// The run report's charts and its searchable per-message timeline.
(function () {
  'use strict';
  var d = RH.data();
  var s = d.series;
  var faults = s.faults || [];
  var axis = RH.timeAxis(s.durationSec);

  function hasPoints(points) { return points && points.length > 0; }
  function anyNonZero(points) { return (points || []).some(function (p) { return p[1] !== 0; }); }
  function withFaults(series) { return faults.length ? series.concat([RH.faultSeries(faults)]) : series; }

  RH.safely('chart-rates', function () {
    if (!hasPoints(s.rates.offered) && !hasPoints(s.rates.accepted)) {
      return RH.skip('chart-rates', 'no messages in accepted.jsonl');
    }
    var series = [RH.lineSeries('offered', s.rates.offered, { lineStyle: { width: 4, opacity: 0.45 } }),
                  RH.lineSeries('accepted', s.rates.accepted)];
    if (anyNonZero(s.rates.rejected)) series.push(RH.lineSeries('rejected', s.rates.rejected));
    if (anyNonZero(s.rates.failed)) series.push(RH.lineSeries('failed', s.rates.failed));
    RH.draw('chart-rates', { xAxis: axis, yAxis: RH.valueAxis('msg/s'), series: withFaults(series) });
  });

  RH.safely('chart-delivered', function () {
    var workers = Object.keys(s.delivered);
    if (!workers.length) return RH.skip('chart-delivered', 'no arrivals in arrivals.jsonl or timeline.jsonl');
    RH.draw('chart-delivered', {
      xAxis: axis, yAxis: RH.valueAxis('msg/s'),
      series: withFaults(workers.map(function (w) { return RH.lineSeries(w, s.delivered[w]); }))
    });
  });

  RH.safely('chart-queue', function () {
    if (!hasPoints(s.queue.total)) return RH.skip('chart-queue', 'no samples in queue.jsonl');
    var series = ['total', 'active', 'deferred', 'incoming', 'hold']
      .filter(function (k) { return k === 'total' || anyNonZero(s.queue[k]); })
      .map(function (k) { return RH.lineSeries(k, s.queue[k], k === 'total' ? { areaStyle: { opacity: 0.08 } } : {}); });
    var yAxis = [RH.valueAxis('messages')];
    if (anyNonZero(s.queue.oldestAgeSeconds)) {
      yAxis.push(RH.valueAxis('oldest (s)', { splitLine: { show: false } }));
      series.push(RH.lineSeries('oldest message age (s)', s.queue.oldestAgeSeconds,
                                { yAxisIndex: 1, lineStyle: { type: 'dotted', width: 1.4 } }));
    }
    RH.draw('chart-queue', { xAxis: axis, yAxis: yAxis, series: withFaults(series) });
  });

  RH.safely('chart-retries', function () {
    var workers = Object.keys(s.retries);
    if (!workers.length) return RH.skip('chart-retries', 'no deferred attempts in attempts.jsonl');
    RH.draw('chart-retries', {
      xAxis: axis, yAxis: RH.valueAxis('message age (s)'),
      tooltip: { trigger: 'item', formatter: function (p) {
        return p.seriesName + ': deferred at t=' + RH.fmt(p.value[0]) + ' s, age ' + RH.fmt(p.value[1]) + ' s'; } },
      series: withFaults(workers.map(function (w) { return RH.scatterSeries(w, s.retries[w]); }))
    });
  });

  RH.safely('chart-latency-time', function () {
    var workers = Object.keys(s.latencyByAccept);
    if (!workers.length) return RH.skip('chart-latency-time', 'no end-to-end latencies in timeline.jsonl');
    RH.draw('chart-latency-time', {
      xAxis: axis, yAxis: RH.valueAxis('ms', { type: 'log', min: 1 }),
      tooltip: { trigger: 'item', formatter: function (p) {
        return p.seriesName + ': accepted t=' + RH.fmt(p.value[0]) + ' s, ' + RH.fmtMs(p.value[1]); } },
      series: withFaults(workers.map(function (w) {
        return RH.scatterSeries(w, s.latencyByAccept[w], { symbolSize: 4 }); }))
    });
  });

  var lat = d.latency;
  var pctKeys = ['p50', 'p90', 'p95', 'p99', 'max'];
  RH.safely('chart-latency-pct', function () {
    if (!lat.summary.count) return RH.skip('chart-latency-pct', 'no end-to-end latencies in timeline.jsonl');
    RH.draw('chart-latency-pct', {
      xAxis: { type: 'category', data: pctKeys }, yAxis: RH.valueAxis('ms', { type: 'log', min: 1 }),
      series: [{ name: 'end-to-end latency', type: 'bar', data: pctKeys.map(function (k) { return Math.max(1, lat.summary[k]); }),
                 label: { show: true, position: 'top', formatter: function (p) { return RH.fmtMs(lat.summary[pctKeys[p.dataIndex]]); } } }],
      dataZoom: []
    });
  });

  RH.safely('chart-latency-hist', function () {
    if (!lat.summary.count) return RH.skip('chart-latency-hist', 'no end-to-end latencies in timeline.jsonl');
    RH.draw('chart-latency-hist', {
      xAxis: { type: 'category', data: RH.histogramLabels(lat.histogram.edgesMs), axisLabel: { rotate: 35 } },
      yAxis: RH.valueAxis('messages'),
      series: [{ name: 'messages', type: 'bar', data: lat.histogram.counts, barCategoryGap: '10%' }],
      grid: { left: 64, right: 24, top: 56, bottom: 72 },
      dataZoom: []
    });
  });

  RH.safely('chart-latency-cdf', function () {
    if (!lat.summary.count) return RH.skip('chart-latency-cdf', 'no end-to-end latencies in timeline.jsonl');
    RH.draw('chart-latency-cdf', {
      xAxis: { type: 'log', name: 'ms', nameLocation: 'middle', nameGap: 28, min: 1,
               axisLabel: { formatter: function (v) { return RH.fmtMs(v); } } },
      yAxis: RH.valueAxis('share', { min: 0, max: 1, axisLabel: { formatter: function (v) { return Math.round(v * 100) + ' %'; } } }),
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return Math.round(v * 1000) / 10 + ' %'; } },
      series: [RH.lineSeries('delivered within', lat.cdf, { step: 'end' })],
      dataZoom: []
    });
  });

  // The per-message timeline: search over every embedded row, 50 rows a page.
  (function timeline() {
    var host = document.getElementById('timeline-table');
    if (!host) return;
    var t = d.timeline, pageSize = 25, page = 0, rows = t.rows;
    var search = document.getElementById('timeline-search');
    function render() {
      var pages = Math.max(1, Math.ceil(rows.length / pageSize));
      page = Math.min(page, pages - 1);
      var html = ['<table class="data timeline"><thead><tr>'];
      t.columns.forEach(function (c) { html.push('<th>' + esc(c) + '</th>'); });
      html.push('</tr></thead><tbody>');
      rows.slice(page * pageSize, (page + 1) * pageSize).forEach(function (r) {
        html.push('<tr>' + r.map(function (c) { return '<td>' + esc(c === null ? '' : c) + '</td>'; }).join('') + '</tr>');
      });
      html.push('</tbody></table>');
      host.innerHTML = html.join('');
      document.getElementById('timeline-page').textContent = 'page ' + (page + 1) + ' of ' + pages;
      document.getElementById('timeline-count').textContent = rows.length + ' matching of ' + t.shown +
        ' shown' + (t.shown < t.total ? ' (' + t.total + ' messages in timeline.jsonl; unusual ones first)' : '');
    }
    function esc(v) {
      return String(v).replace(/[&<>"']/g, function (c) {
        return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
    }
    search.addEventListener('input', function () {
      var q = search.value.trim().toLowerCase();
      rows = !q ? t.rows : t.rows.filter(function (r) {
        return r.some(function (c) { return c !== null && String(c).toLowerCase().indexOf(q) >= 0; }); });
      page = 0;
      render();
    });
    document.getElementById('timeline-prev').addEventListener('click', function () { page = Math.max(0, page - 1); render(); });
    document.getElementById('timeline-next').addEventListener('click', function () { page++; render(); });
    render();
  })();

  RH.finish('run');
})();

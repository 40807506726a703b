// The comparison page's charts: A solid, B dashed, on seconds since each run's first message.
(function () {
  'use strict';
  var d = RH.data();
  var A = d.a, B = d.b;
  var COLOR = { A: '#c0392b', B: '#2471a3' };
  var WORKER_COLORS = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272'];
  var duration = Math.max(A.series.durationSec || 0, B.series.durationSec || 0);
  var axis = RH.timeAxis(duration);

  function sameFaults(fa, fb) {
    if (fa.length !== fb.length) return false;
    return fa.every(function (f, i) {
      var g = fb[i];
      var endsMatch = (f.endSec === null && g.endSec === null) ||
        (f.endSec !== null && g.endSec !== null && Math.abs(f.endSec - g.endSec) < 1);
      return f.action === g.action && f.target === g.target && Math.abs(f.startSec - g.startSec) < 1 && endsMatch;
    });
  }

  var fa = A.series.faults || [], fb = B.series.faults || [];
  function faultSeries() {
    if (sameFaults(fa, fb)) return fa.length ? [RH.faultSeries(fa, 'A', 'faults (A and B)')] : [];
    var out = [];
    if (fa.length) out.push(RH.faultSeries(fa, 'A', 'faults A'));
    if (fb.length) out.push(RH.faultSeries(fb, 'B', 'faults B'));
    return out;
  }

  function side(name, points, color, dashed, extra) {
    return RH.lineSeries(name, points, Object.assign({
      itemStyle: { color: color },
      lineStyle: { color: color, width: dashed ? 2 : 1.8, type: dashed ? 'dashed' : 'solid' }
    }, extra || {}));
  }

  function has(points) { return points && points.length > 0; }

  RH.safely('chart-rates', function () {
    if (!has(A.series.rates.accepted) && !has(B.series.rates.accepted)) {
      return RH.skip('chart-rates', 'no messages in accepted.jsonl of A or B');
    }
    RH.draw('chart-rates', {
      xAxis: axis, yAxis: RH.valueAxis('msg/s'),
      series: [
        side('A offered', A.series.rates.offered, COLOR.A, false, { lineStyle: { color: COLOR.A, width: 4, opacity: 0.25 } }),
        side('A accepted', A.series.rates.accepted, COLOR.A, false),
        side('B offered', B.series.rates.offered, COLOR.B, true, { lineStyle: { color: COLOR.B, width: 4, opacity: 0.25, type: 'dashed' } }),
        side('B accepted', B.series.rates.accepted, COLOR.B, true)
      ].concat(faultSeries())
    });
  });

  RH.safely('chart-delivered', function () {
    var workers = Array.from(new Set(Object.keys(A.series.delivered).concat(Object.keys(B.series.delivered)))).sort();
    if (!workers.length) return RH.skip('chart-delivered', 'no arrivals in A or B');
    var series = [];
    workers.forEach(function (w, i) {
      var c = WORKER_COLORS[i % WORKER_COLORS.length];
      if (A.series.delivered[w]) series.push(side('A ' + w, A.series.delivered[w], c, false));
      if (B.series.delivered[w]) series.push(side('B ' + w, B.series.delivered[w], c, true));
    });
    RH.draw('chart-delivered', { xAxis: axis, yAxis: RH.valueAxis('msg/s'), series: series.concat(faultSeries()) });
  });

  RH.safely('chart-queue', function () {
    if (!has(A.series.queue.total) && !has(B.series.queue.total)) {
      return RH.skip('chart-queue', 'no samples in queue.jsonl of A or B');
    }
    RH.draw('chart-queue', {
      xAxis: axis, yAxis: RH.valueAxis('messages'),
      series: [
        side('A total', A.series.queue.total, COLOR.A, false, { areaStyle: { opacity: 0.06 } }),
        side('A deferred', A.series.queue.deferred, COLOR.A, false, { lineStyle: { color: COLOR.A, width: 1, type: 'dotted' } }),
        side('B total', B.series.queue.total, COLOR.B, true, { areaStyle: { opacity: 0.06 } }),
        side('B deferred', B.series.queue.deferred, COLOR.B, true, { lineStyle: { color: COLOR.B, width: 1, type: 'dotted' } })
      ].concat(faultSeries())
    });
  });

  RH.safely('chart-split', function () {
    var workers = d.split.workers;
    if (!workers.length) return RH.skip('chart-split', 'no arrivals in A or B');
    function total(m) { return workers.reduce(function (n, w) { return n + (m[w] || 0); }, 0); }
    var ta = total(d.split.a), tb = total(d.split.b);
    function bars(m, t) { return workers.map(function (w) { return t ? Math.round(1000 * (m[w] || 0) / t) / 10 : 0; }); }
    function label(m) {
      return { show: true, position: 'top', formatter: function (p) { return (m[workers[p.dataIndex]] || 0) + ' (' + p.value + ' %)'; } };
    }
    RH.draw('chart-split', {
      xAxis: { type: 'category', data: workers },
      yAxis: RH.valueAxis('% of messages', { min: 0 }),
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + ' %'; } },
      series: [
        { name: 'A: ' + A.label, type: 'bar', data: bars(d.split.a, ta), itemStyle: { color: COLOR.A }, label: label(d.split.a) },
        { name: 'B: ' + B.label, type: 'bar', data: bars(d.split.b, tb), itemStyle: { color: COLOR.B }, label: label(d.split.b) },
        { name: 'even split', type: 'line', data: [], markLine: { silent: true, symbol: 'none',
          lineStyle: { color: '#555', type: 'dashed' }, label: { position: 'insideStartTop', formatter: 'even split ' + Math.round(1000 / workers.length) / 10 + ' %' },
          data: [{ yAxis: Math.round(1000 / workers.length) / 10 }] }, isGuide: true }
      ],
      dataZoom: []
    });
  });

  var pctKeys = ['p50', 'p90', 'p95', 'p99', 'max'];
  RH.safely('chart-latency-pct', function () {
    if (!A.latency.summary.count && !B.latency.summary.count) return RH.skip('chart-latency-pct', 'no latencies');
    function bars(s) { return pctKeys.map(function (k) { return s.count ? Math.max(1, s[k]) : null; }); }
    RH.draw('chart-latency-pct', {
      xAxis: { type: 'category', data: pctKeys }, yAxis: RH.valueAxis('ms', { type: 'log', min: 1 }),
      series: [
        { name: 'A', type: 'bar', data: bars(A.latency.summary), itemStyle: { color: COLOR.A } },
        { name: 'B', type: 'bar', data: bars(B.latency.summary), itemStyle: { color: COLOR.B } }
      ],
      dataZoom: []
    });
  });

  RH.safely('chart-latency-cdf', function () {
    if (!A.latency.cdf.length && !B.latency.cdf.length) return RH.skip('chart-latency-cdf', 'no latencies');
    RH.draw('chart-latency-cdf', {
      xAxis: { type: 'log', name: 'ms', nameLocation: 'middle', nameGap: 28, min: 1,
               axisLabel: { formatter: function (v) { return RH.fmtMs(v); } } },
      yAxis: RH.valueAxis('share', { min: 0, max: 1, axisLabel: { formatter: function (v) { return Math.round(v * 100) + ' %'; } } }),
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return Math.round(v * 1000) / 10 + ' %'; } },
      series: [side('A', A.latency.cdf, COLOR.A, false, { step: 'end' }),
               side('B', B.latency.cdf, COLOR.B, true, { step: 'end' })],
      dataZoom: []
    });
  });

  RH.finish('compare');
})();

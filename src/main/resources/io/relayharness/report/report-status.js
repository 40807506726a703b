// Page status for tests and tools: which charts were drawn, with how many points, and every
// error the page saw. Loaded first so it also catches errors in the scripts after it.
window.__reportStatus = { page: null, ready: false, errors: [], charts: {} };
window.addEventListener('error', function (e) {
  var t = e.target;
  if (t && t !== window && (t.src || t.href)) {
    window.__reportStatus.errors.push('resource failed to load: ' + (t.src || t.href));
    return;
  }
  window.__reportStatus.errors.push((e.message || 'error') +
    (e.filename ? ' at ' + e.filename + ':' + e.lineno : ''));
}, true);
window.addEventListener('unhandledrejection', function (e) {
  window.__reportStatus.errors.push('unhandled rejection: ' + e.reason);
});
(function () {
  var original = console.error;
  console.error = function () {
    window.__reportStatus.errors.push('console.error: ' + Array.prototype.join.call(arguments, ' '));
    return original.apply(console, arguments);
  };
})();

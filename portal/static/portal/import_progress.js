// The import page's progress bar: polls the job's JSON until it is done, then reloads.
// A file, not an inline script: the portal's Content-Security-Policy allows scripts from our
// own origin only (schoolhost/settings/base.py).
(function () {
  var card = document.getElementById("progress-card");
  function poll() {
    fetch(card.dataset.url, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (data) {
      var bar = document.getElementById("progress");
      bar.max = data.total || 1; bar.value = data.done;
      document.getElementById("progress-text").textContent =
        "Đã tạo " + data.done + "/" + data.total + " trường (" + data.status_label.toLowerCase() + ")";
      if (data.status === "done" || data.status === "failed") { window.location.reload(); }
      else { setTimeout(poll, 1000); }
    }).catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();

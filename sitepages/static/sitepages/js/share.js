// "Sao chép liên kết": the page's address is in a read-only field (select it and copy by hand
// without JavaScript); with JavaScript a button copies it. Our own file: the CSP allows no
// inline script and no other origin.
(function () {
  "use strict";
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector("[data-copied]");
    if (!field) return;
    var label = button.parentNode.querySelector("label");
    if (label) label.textContent = "Liên kết của trang";
    button.hidden = false;
    field.addEventListener("focus", function () { field.select(); });
    function done(ok) {
      if (status) status.textContent = ok ? "Đã sao chép liên kết." : "Chưa sao chép được: hãy chọn liên kết rồi sao chép.";
    }
    button.addEventListener("click", function () {
      field.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () { done(true); }, function () {
          done(document.execCommand && document.execCommand("copy"));
        });
      } else {
        done(document.execCommand && document.execCommand("copy"));
      }
    });
  });
})();

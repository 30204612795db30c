// The admin's date-time picker (jQuery datetimepicker, shipped with Wagtail). Loaded by
// sitepages/wagtail_hooks.py right after the picker's own script, before any field starts it.
// The format the picker writes (dd/mm/yyyy HH:MM) comes from WAGTAIL_DATETIME_FORMAT.
(function () {
  "use strict";
  if (window.jQuery && jQuery.fn.datetimepicker && jQuery.fn.datetimepicker.defaults) {
    // Every quarter hour, not whole hours only: a notice received at 08:30 can be picked.
    jQuery.fn.datetimepicker.defaults.step = 15;
    // What the editor typed stays as typed when the field loses focus. The picker's own check
    // rewrote it: 31/02/2026 became 03/03/2026 (its parser rolls over) and a month-first
    // 13/25/2026 became the current moment, saved without a word. The server reads the typed
    // text and refuses a day that does not exist by name (tenants/date_fields.py).
    jQuery.fn.datetimepicker.defaults.validateOnBlur = false;
  }
})();

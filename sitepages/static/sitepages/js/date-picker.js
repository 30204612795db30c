// The admin's date-time picker (jQuery datetimepicker, shipped with Wagtail) lists whole hours
// only: a notice received at 08:30 could not be picked. Every quarter hour instead. Loaded by
// sitepages/wagtail_hooks.py right after the picker's own script, before any field starts it.
// The format the picker writes (dd/mm/yyyy HH:MM) comes from WAGTAIL_DATETIME_FORMAT.
(function () {
  "use strict";
  if (window.jQuery && jQuery.fn.datetimepicker && jQuery.fn.datetimepicker.defaults) {
    jQuery.fn.datetimepicker.defaults.step = 15;
  }
})();

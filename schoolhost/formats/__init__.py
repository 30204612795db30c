"""Django format modules (setting FORMAT_MODULE_PATH): dates read and parse dd/mm/yyyy [HH:MM]
in Vietnamese and in English alike, so an editor who chose English in the admin never sees or
types mm/dd. The formats themselves live in tenants/dates.py; `shared` turns them into the
names Django reads, and each language's module takes them whole."""

"""The monthly list's default letterhead (the issuing body's two lines, top left) by the kind
of authority, as Decree 30/2020/NĐ-CP, Appendix I lays out a specialised body's documents: the
body in charge above, in capitals, and the issuing body below, bold.

- a commune or ward (since 1 July 2025): "UBND PHƯỜNG PHONG ĐIỀN" / "PHÒNG VĂN HÓA - XÃ HỘI"
  (the commune's office that oversees its preschools, primary and lower-secondary schools);
- a district office (the 2015/2016 letters' era): "UBND HUYỆN PHONG ĐIỀN" /
  "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO";
- a province's department: "UBND THÀNH PHỐ HUẾ" / "SỞ GIÁO DỤC VÀ ĐÀO TẠO".

The place is read from the authority's name ("Ủy ban nhân dân phường Phong Điền", "Phòng GD&ĐT
Phong Điền", "Sở Giáo dục và Đào tạo thành phố Huế"); a bare place name gets the usual unit
("xã", "huyện", "tỉnh"). An office edits both lines on the report's page; these are defaults.
"""

import re

from tenants.models import Authority

Kind = Authority.Kind

# The body's own words at the start of its name, by kind (longest first).
_BODY_PREFIXES = {
    Kind.COMMUNE: (r"ủy ban nhân dân", r"uỷ ban nhân dân", r"ubnd"),
    Kind.DISTRICT: (
        r"phòng giáo dục và đào tạo",
        r"phòng giáo dục - đào tạo",
        r"phòng giáo dục",
        r"phòng gd\s*&\s*đt",
        r"phòng gd-đt",
        r"phòng gdđt",
        r"pgd\s*&\s*đt",
        r"pgdđt",
    ),
    Kind.PROVINCE: (
        r"sở giáo dục và đào tạo",
        r"sở giáo dục - đào tạo",
        r"sở gd\s*&\s*đt",
        r"sở gd-đt",
        r"sở gdđt",
    ),
}
# Administrative units a place name may already start with, by kind; the first is the default.
_UNITS = {
    Kind.COMMUNE: ("xã", "phường", "thị trấn", "đặc khu"),
    Kind.DISTRICT: ("huyện", "quận", "thị xã", "thành phố"),
    Kind.PROVINCE: ("tỉnh", "thành phố"),
}
ISSUING_BODY = {
    Kind.COMMUNE: "PHÒNG VĂN HÓA - XÃ HỘI",
    Kind.DISTRICT: "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
    Kind.PROVINCE: "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
}


def authority_place(authority: Authority) -> str:
    """The administrative unit the authority belongs to, as written after "UBND":
    "phường Phong Điền", "huyện Phong Điền", "thành phố Huế"."""
    name = " ".join(authority.name.split())
    for prefix in _BODY_PREFIXES.get(authority.kind, ()):
        if found := re.match(rf"^{prefix}\b\s*", name, re.IGNORECASE):
            name = name[found.end() :]
            break
    units = _UNITS.get(authority.kind, ("",))
    if not any(name.lower().startswith(f"{unit} ") for unit in units):
        name = f"{units[0]} {name}".strip()
    return name


def letterhead_default(authority: Authority) -> tuple[str, str]:
    """(the body in charge, the issuing body), both in capitals, for a new report."""
    return (
        f"UBND {authority_place(authority)}".upper(),
        ISSUING_BODY.get(authority.kind, authority.name.upper()),
    )

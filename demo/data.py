"""The demo's administrative map (a province, three communes/wards) and its schools:
real-looking Vietnamese names, every level."""

# Today's map (since 1 July 2025 there are no district offices): the provincial department
# and, under it, communes and wards that oversee preschools, primary and lower-secondary
# schools, each with its own portal host. The province's users see every school.
DEMO_PROVINCE = {
    "code": "so-gddt-hue",
    "name": "Sở Giáo dục và Đào tạo thành phố Huế",
    "kind": "province",
    "portal_domain": "so-gddt-hue.localhost",
}
DEMO_COMMUNES = [
    {
        "code": "phong-dien",
        "name": "Ủy ban nhân dân phường Phong Điền",
        "kind": "commune",
        "portal_domain": "phong-dien.localhost",
        "place": "Phong Điền",
    },
    {
        "code": "phong-thai",
        "name": "Ủy ban nhân dân phường Phong Thái",
        "kind": "commune",
        "portal_domain": "phong-thai.localhost",
        "place": "Phong Thái",
    },
    {
        "code": "phong-dinh",
        "name": "Ủy ban nhân dân xã Phong Dinh",
        "kind": "commune",
        "portal_domain": "phong-dinh.localhost",
        "place": "Phong Dinh",
    },
]
DEMO_AUTHORITY = DEMO_COMMUNES[0]  # the one the README's examples use
DEMO_PASSWORD = "demo-truong-2026"
# (authority code, e-mail, role) of the portal's demo accounts; same password.
DEMO_AUTHORITY_USERS = [
    ("so-gddt-hue", "chuyenvien@sogddt-hue.edu.vn", "admin"),
    ("so-gddt-hue", "thanhtra@sogddt-hue.edu.vn", "inspector"),
    ("phong-dien", "chuyenvien@phongdien.gov.vn", "admin"),
    ("phong-dien", "thanhtra@phongdien.gov.vn", "inspector"),
    ("phong-thai", "chuyenvien@phongthai.gov.vn", "admin"),
    ("phong-dinh", "chuyenvien@phongdinh.gov.vn", "admin"),
]
DEMO_HISTORY_SINCE = "2026-08-01"

# (name, levels, host, serves meals, the commune or ward that oversees it)
DEMO_SCHOOLS = [
    ("Trường Mầm non Hoa Sen", "preschool", "mn-hoa-sen.localhost", True, "phong-dien"),
    ("Trường Tiểu học Kim Đồng", "primary", "th-kim-dong.localhost", True, "phong-dien"),
    ("Trường THCS Nguyễn Du", "lower_secondary", "thcs-nguyen-du.localhost", False, "phong-dien"),
    (
        "Trường TH & THCS Điền Hương",
        "primary,lower_secondary",
        "th-thcs-dien-huong.localhost",
        False,
        "phong-dien",
    ),
    ("Trường Mầm non Sơn Ca", "preschool", "mn-son-ca.localhost", True, "phong-thai"),
    ("Trường Tiểu học Lê Văn Tám", "primary", "th-le-van-tam.localhost", False, "phong-thai"),
    ("Trường Tiểu học Phong Thu", "primary", "th-phong-thu.localhost", True, "phong-thai"),
    (
        "Trường THCS Trần Quốc Toản",
        "lower_secondary",
        "thcs-tran-quoc-toan.localhost",
        False,
        "phong-thai",
    ),
    ("Trường Mầm non Phong Hòa", "preschool", "mn-phong-hoa.localhost", True, "phong-dinh"),
    ("Trường Tiểu học Phong An", "primary", "th-phong-an.localhost", False, "phong-dinh"),
    ("Trường THCS Phong Hiền", "lower_secondary", "thcs-phong-hien.localhost", False, "phong-dinh"),
    (
        "Trường TH & THCS Phong Xuân",
        "primary,lower_secondary",
        "th-thcs-phong-xuan.localhost",
        True,
        "phong-dinh",
    ),
]

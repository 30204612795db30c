"""The demo authority and its schools: real-looking Vietnamese names, every level."""

DEMO_AUTHORITY = {
    "code": "phong-dien",
    "name": "Phòng Giáo dục và Đào tạo huyện Phong Điền",
    "kind": "district",
    "portal_domain": "phong-dien.localhost",
}
DEMO_PROVINCE = {
    "code": "so-gddt-hue",
    "name": "Sở Giáo dục và Đào tạo thành phố Huế",
    "kind": "province",
    "portal_domain": "so-gddt-hue.localhost",
}
DEMO_PASSWORD = "demo-truong-2026"
# (authority code, e-mail, role) of the portal's demo accounts; same password.
DEMO_AUTHORITY_USERS = [
    ("phong-dien", "chuyenvien@phongdien.edu.vn", "admin"),
    ("phong-dien", "thanhtra@phongdien.edu.vn", "inspector"),
    ("so-gddt-hue", "chuyenvien@sogddt-hue.edu.vn", "admin"),
]
DEMO_HISTORY_SINCE = "2026-08-01"

# (name, levels, host, serves meals)
DEMO_SCHOOLS = [
    ("Trường Mầm non Hoa Sen", "preschool", "mn-hoa-sen.localhost", True),
    ("Trường Mầm non Sơn Ca", "preschool", "mn-son-ca.localhost", True),
    ("Trường Mầm non Phong Hòa", "preschool", "mn-phong-hoa.localhost", True),
    ("Trường Tiểu học Kim Đồng", "primary", "th-kim-dong.localhost", True),
    ("Trường Tiểu học Lê Văn Tám", "primary", "th-le-van-tam.localhost", False),
    ("Trường Tiểu học Phong An", "primary", "th-phong-an.localhost", False),
    ("Trường Tiểu học Phong Thu", "primary", "th-phong-thu.localhost", True),
    ("Trường THCS Nguyễn Du", "lower_secondary", "thcs-nguyen-du.localhost", False),
    ("Trường THCS Phong Hiền", "lower_secondary", "thcs-phong-hien.localhost", False),
    ("Trường THCS Trần Quốc Toản", "lower_secondary", "thcs-tran-quoc-toan.localhost", False),
    (
        "Trường TH & THCS Phong Xuân",
        "primary,lower_secondary",
        "th-thcs-phong-xuan.localhost",
        True,
    ),
    (
        "Trường TH & THCS Điền Hương",
        "primary,lower_secondary",
        "th-thcs-dien-huong.localhost",
        False,
    ),
]

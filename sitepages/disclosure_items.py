"""The public-disclosure (công khai) items of Circular 09/2024/TT-BGDĐT, per school level.

Data, not code: the compliance engine and `disclosure_year_create` both read this catalogue.
Articles 4–5 apply to every level, 6–7 to preschools, 8–9 to primary and lower-secondary
schools; Art. 14 is the annual report. Titles follow RULES.md ("Disclosure content by level");
the split of Art. 9 is a secondary reading, to be checked against the circular's text.
Codes never change once shipped (pages store them); titles may be reworded.
"""

from dataclasses import dataclass

PRESCHOOL = "preschool"
PRIMARY = "primary"
LOWER_SECONDARY = "lower_secondary"
ALL_LEVELS = frozenset({PRESCHOOL, PRIMARY, LOWER_SECONDARY})
GENERAL_EDUCATION = frozenset({PRIMARY, LOWER_SECONDARY})
PRESCHOOL_ONLY = frozenset({PRESCHOOL})


@dataclass(frozen=True)
class DisclosureItem:
    code: str
    article: int
    title: str
    levels: frozenset[str]
    only_if_meals: bool = False  # "menu if meals are served" (Art. 9, our reading)

    @property
    def citation(self) -> str:
        return f"Điều {self.article} Thông tư 09/2024/TT-BGDĐT"

    def applies_to(self, levels, *, serves_meals: bool = False) -> bool:
        if not self.levels.intersection(levels):
            return False
        # A preschool always serves meals; for other levels the menu item needs a canteen.
        return not self.only_if_meals or serves_meals or PRESCHOOL in levels


ARTICLE_TITLES = {
    4: "Thông tin chung",
    5: "Thu, chi tài chính",
    6: "Điều kiện bảo đảm chất lượng (mầm non)",
    7: "Kế hoạch và kết quả hoạt động (mầm non)",
    8: "Điều kiện bảo đảm chất lượng (tiểu học, trung học cơ sở)",
    9: "Kế hoạch và kết quả hoạt động (tiểu học, trung học cơ sở)",
    14: "Báo cáo thường niên",
}

ITEMS: tuple[DisclosureItem, ...] = (
    DisclosureItem(
        "a4-1",
        4,
        "Tên, địa chỉ, số điện thoại, thư điện tử, trang thông tin điện tử của nhà trường",
        ALL_LEVELS,
    ),
    DisclosureItem("a4-2", 4, "Loại hình nhà trường và cơ quan quản lý trực tiếp", ALL_LEVELS),
    DisclosureItem("a4-3", 4, "Sứ mạng, tầm nhìn, mục tiêu giáo dục", ALL_LEVELS),
    DisclosureItem("a4-4", 4, "Tóm tắt quá trình hình thành và phát triển", ALL_LEVELS),
    DisclosureItem("a4-5", 4, "Người đại diện theo pháp luật", ALL_LEVELS),
    DisclosureItem(
        "a4-6",
        4,
        "Tổ chức bộ máy: quyết định thành lập, hội đồng trường, hiệu trưởng và các phó hiệu "
        "trưởng, quy chế tổ chức và hoạt động, chức năng, nhiệm vụ, sơ đồ tổ chức, các đơn vị "
        "trực thuộc, thông tin liên hệ của lãnh đạo",
        ALL_LEVELS,
    ),
    DisclosureItem("a5-1", 5, "Tình hình thu, chi tài chính năm trước", ALL_LEVELS),
    DisclosureItem("a5-2", 5, "Các khoản thu: mức thu từng khoản và căn cứ pháp lý", ALL_LEVELS),
    DisclosureItem("a5-3", 5, "Chính sách miễn, giảm, hỗ trợ người học", ALL_LEVELS),
    DisclosureItem("a5-4", 5, "Số dư các quỹ", ALL_LEVELS),
    DisclosureItem(
        "a6-1",
        6,
        "Đội ngũ cán bộ quản lý, giáo viên, nhân viên: số lượng theo vị trí việc làm, trình độ "
        "đào tạo, tỷ lệ đạt chuẩn và được bồi dưỡng",
        PRESCHOOL_ONLY,
    ),
    DisclosureItem(
        "a6-2",
        6,
        "Cơ sở vật chất: diện tích đất bình quân trên trẻ, phòng học, thiết bị, đồ dùng, đồ chơi",
        PRESCHOOL_ONLY,
    ),
    DisclosureItem("a7-1", 7, "Kế hoạch tuyển sinh", PRESCHOOL_ONLY),
    DisclosureItem("a7-2", 7, "Kế hoạch nuôi dưỡng, chăm sóc, giáo dục trẻ", PRESCHOOL_ONLY),
    DisclosureItem(
        "a7-3", 7, "Quy chế phối hợp giữa nhà trường, gia đình và xã hội", PRESCHOOL_ONLY
    ),
    DisclosureItem("a7-4", 7, "Thực đơn hằng ngày của trẻ", PRESCHOOL_ONLY),
    DisclosureItem("a7-5", 7, "Các dịch vụ giáo dục và hỗ trợ khác", PRESCHOOL_ONLY),
    DisclosureItem(
        "a7-6",
        7,
        "Kết quả năm học trước: số trẻ, nhóm lớp, trẻ bán trú, theo dõi sức khỏe và tăng "
        "trưởng, trẻ khuyết tật học hòa nhập",
        PRESCHOOL_ONLY,
    ),
    DisclosureItem(
        "a8-1",
        8,
        "Đội ngũ cán bộ quản lý, giáo viên, nhân viên: số lượng theo vị trí việc làm, trình độ "
        "đào tạo, tỷ lệ đạt chuẩn và được bồi dưỡng",
        GENERAL_EDUCATION,
    ),
    DisclosureItem(
        "a8-2",
        8,
        "Cơ sở vật chất: phòng học, phòng chức năng, thiết bị dạy học",
        GENERAL_EDUCATION,
    ),
    DisclosureItem("a8-3", 8, "Danh mục sách giáo khoa sử dụng", GENERAL_EDUCATION),
    DisclosureItem(
        "a8-4", 8, "Kết quả tự đánh giá và kiểm định chất lượng giáo dục", GENERAL_EDUCATION
    ),
    DisclosureItem("a9-1", 9, "Kế hoạch tuyển sinh", GENERAL_EDUCATION),
    DisclosureItem("a9-2", 9, "Kế hoạch giáo dục của nhà trường", GENERAL_EDUCATION),
    DisclosureItem(
        "a9-3", 9, "Quy chế phối hợp giữa nhà trường, gia đình và xã hội", GENERAL_EDUCATION
    ),
    DisclosureItem(
        "a9-4",
        9,
        "Thực đơn hằng ngày (trường có tổ chức bán trú)",
        GENERAL_EDUCATION,
        only_if_meals=True,
    ),
    DisclosureItem(
        "a9-5",
        9,
        "Kết quả năm học trước: số học sinh, số lớp, kết quả đánh giá, hoàn thành chương "
        "trình, tốt nghiệp, lên lớp",
        GENERAL_EDUCATION,
    ),
    DisclosureItem("a14-1", 14, "Báo cáo thường niên", ALL_LEVELS),
)

ITEMS_BY_CODE = {item.code: item for item in ITEMS}
ITEM_CHOICES = [(item.code, f"{item.code} – {item.title}") for item in ITEMS]


def items_for_levels(levels, *, serves_meals: bool = False) -> list[DisclosureItem]:
    """The items a school of these levels discloses, in catalogue order (no duplicates)."""
    return [item for item in ITEMS if item.applies_to(levels, serves_meals=serves_meals)]


def item_by_code(code: str) -> DisclosureItem | None:
    return ITEMS_BY_CODE.get(code)

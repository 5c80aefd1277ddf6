/**
 * A fictional demo province (names and people are invented) in the two-tier shape in force since
 * 1 July 2025: the province and its communes / wards, plus two dissolved districts kept for history.
 */
export const PROVINCE = { code: 'HS', name: 'Tỉnh Hòa Sơn' };

export const DISTRICTS = [
  { code: 'HS-LT', name: 'Huyện Lâm Thượng' },
  { code: 'HS-NS', name: 'Huyện Na Sơn' },
];

export const COMMUNES = [
  { code: 'HS-P-HOASON', name: 'Phường Hòa Sơn', remote: false, district: null },
  { code: 'HS-P-DUCXUAN', name: 'Phường Đức Xuân', remote: false, district: null },
  { code: 'HS-X-BANGVAN', name: 'Xã Bằng Vân', remote: true, district: 'HS-LT' },
  { code: 'HS-X-NAMCUONG', name: 'Xã Nam Cường', remote: true, district: 'HS-LT' },
  { code: 'HS-X-THUONGQUAN', name: 'Xã Thượng Quan', remote: true, district: 'HS-NS' },
  { code: 'HS-X-YENPHONG', name: 'Xã Yên Phong', remote: false, district: 'HS-NS' },
];

/** Heads by unit code: [Chủ tịch UBND, Chủ tịch Ủy ban MTTQ]. */
export const HEADS: Record<string, [string, string]> = {
  HS: ['Nguyễn Văn Thành', 'Hoàng Thị Lan'],
  'HS-LT': ['Ma Văn Hùng', 'Triệu Thị Hoa'],
  'HS-NS': ['Nông Văn Khải', 'Lý Thị Mai'],
  'HS-P-HOASON': ['Trần Quốc Việt', 'Đặng Thị Hằng'],
  'HS-P-DUCXUAN': ['Lê Minh Đức', 'Phạm Thị Thu'],
  'HS-X-BANGVAN': ['Hà Văn Sơn', 'Lục Thị Nga'],
  'HS-X-NAMCUONG': ['Bế Văn Toàn', 'Nông Thị Hiền'],
  'HS-X-THUONGQUAN': ['Lường Văn Dũng', 'Hoàng Thị Xuân'],
  'HS-X-YENPHONG': ['Đinh Văn Bình', 'Vi Thị Liên'],
};

export const CATEGORIES = [
  { code: 'dat-dai', nameVi: 'Đất đai', nameEn: 'Land' },
  { code: 'moi-truong', nameVi: 'Môi trường', nameEn: 'Environment' },
  { code: 'xay-dung', nameVi: 'Xây dựng, trật tự đô thị', nameEn: 'Construction and urban order' },
  { code: 'giao-thong', nameVi: 'Giao thông, hạ tầng', nameEn: 'Transport and infrastructure' },
  { code: 'an-sinh', nameVi: 'Chính sách xã hội, an sinh', nameEn: 'Social policy and welfare' },
  { code: 'y-te', nameVi: 'Y tế', nameEn: 'Health' },
  { code: 'giao-duc', nameVi: 'Giáo dục', nameEn: 'Education' },
  { code: 'thu-tuc-hanh-chinh', nameVi: 'Thủ tục hành chính', nameEn: 'Administrative procedures' },
  { code: 'can-bo', nameVi: 'Cán bộ, công chức', nameEn: 'Public officials' },
  { code: 'khac', nameVi: 'Lĩnh vực khác', nameEn: 'Other' },
];

/** Provincial departments (sở) and which categories each handles. */
export const PROVINCE_AGENCIES = [
  { code: 'HS-SNNMT', name: 'Sở Nông nghiệp và Môi trường', head: 'Vũ Đình Phúc', categories: ['dat-dai', 'moi-truong'] },
  { code: 'HS-SXD', name: 'Sở Xây dựng', head: 'Đoàn Văn Hải', categories: ['xay-dung', 'giao-thong'] },
  { code: 'HS-SYT', name: 'Sở Y tế', head: 'Bùi Thị Ngọc', categories: ['y-te', 'an-sinh'] },
  { code: 'HS-SGDDT', name: 'Sở Giáo dục và Đào tạo', head: 'Lâm Văn Quang', categories: ['giao-duc'] },
  { code: 'HS-VP', name: 'Văn phòng UBND tỉnh', head: 'Chu Thị Yến', categories: ['thu-tuc-hanh-chinh', 'can-bo'] },
];

/** Commune departments (phòng) created with two-tier government, and their categories. */
export const COMMUNE_AGENCIES = [
  { suffix: 'PKT', name: 'Phòng Kinh tế', categories: ['dat-dai', 'moi-truong', 'xay-dung', 'giao-thong'] },
  { suffix: 'PVHXH', name: 'Phòng Văn hóa - Xã hội', categories: ['an-sinh', 'y-te', 'giao-duc'] },
  { suffix: 'VP', name: 'Văn phòng HĐND và UBND', categories: ['thu-tuc-hanh-chinh', 'can-bo'] },
];

export const DEMO_PASSWORD = 'HoaSon@2026';

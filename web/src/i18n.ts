// Vietnamese first; English is a switch. Every label the console shows lives here.
import type { CaseAction } from '../../domain/case-actions';
export type Lang = 'vi' | 'en';

const vi = {
  appTitle: 'Phản ánh, kiến nghị và đối thoại',
  skip: 'Bỏ qua đến nội dung chính',
  switchLang: 'English',
  home: 'Trang chủ', submit: 'Gửi đơn', track: 'Tra cứu hồ sơ', login: 'Đăng nhập cán bộ', logout: 'Đăng xuất',
  inbox: 'Hộp hồ sơ', escalations: 'Cảnh báo, gia hạn', supervision: 'Giám sát', sessions: 'Buổi đối thoại', admin: 'Quản trị', reports: 'Báo cáo', history: 'Lịch sử hồ sơ',
  homeIntro: 'Người dân gửi phản ánh, kiến nghị, khiếu nại, tố cáo và theo dõi việc giải quyết; cán bộ xử lý hồ sơ đúng hạn luật định.',
  homeSubmit: 'Gửi phản ánh, kiến nghị, khiếu nại hoặc tố cáo tới cơ quan có thẩm quyền.',
  homeTrack: 'Theo dõi hồ sơ bằng mã tra cứu, đánh giá câu trả lời, khiếu nại tiếp.',
  homeStaff: 'Cán bộ, lãnh đạo, Mặt trận Tổ quốc và quản trị viên.',
  required: 'bắt buộc',
  caseType: 'Loại đơn', unit: 'Đơn vị hành chính', category: 'Lĩnh vực', title: 'Tiêu đề', content: 'Nội dung',
  attachments: 'Tài liệu đính kèm', attachmentHint: 'Đường dẫn tới bản chụp, ảnh… đã đăng tải (http hoặc https)', attachmentName: 'Tên tài liệu', attachmentUrl: 'Đường dẫn',
  addAttachment: 'Thêm tài liệu', remove: 'Bỏ',
  anonymous: 'Gửi ẩn danh (chỉ với phản ánh, kiến nghị)',
  petitioner: 'Người gửi', fullName: 'Họ và tên', email: 'Email', phone: 'Số điện thoại', address: 'Địa chỉ',
  addressHint: 'Bắt buộc với khiếu nại, tố cáo',
  accused: 'Người bị tố cáo', accusedPosition: 'Chức vụ, nơi công tác', accusedEmailHint: 'Nếu biết: cơ quan báo việc thụ lý tố cáo tới địa chỉ này; thông tin về bạn không được tiết lộ',
  accusedSummary: 'Nội dung thông báo cho người bị tố cáo', accusedSummaryHint: 'Nêu việc bị tố cáo; không nêu điều gì có thể làm lộ người tố cáo. Để trống: cơ quan sẽ báo trực tiếp.',
  noticeLanguage: 'Ngôn ngữ thông báo',
  send: 'Gửi', sending: 'Đang gửi…', choose: '— Chọn —',
  fixErrors: 'Vui lòng sửa các trường được đánh dấu.',
  submitted: 'Đã tiếp nhận đơn của bạn', trackingCode: 'Mã tra cứu', keepCode: 'Dùng mã tra cứu để theo dõi hồ sơ.',
  citizenSecret: 'Mã bí mật', keepSecret: 'Mã bí mật chỉ hiện một lần. Hãy ghi lại hoặc in trang này: cần mã này để đánh giá, rút đơn, khiếu nại tiếp hoặc bổ sung thông tin. Không đưa mã này cho ai, kể cả cán bộ.',
  printReceipt: 'In giấy biên nhận', secretHint: 'Mã bí mật được cấp khi nộp đơn (dạng XXXXX-XXXXX-XXXXX-XXXXX)',
  lostSecret: 'Quên mã bí mật? Gửi mã mới tới email đã khai', lostSecretSent: 'Nếu hồ sơ có địa chỉ email, mã bí mật mới đã được gửi tới đó. Mã cũ không còn dùng được.',
  followCase: 'Theo dõi hồ sơ', newPetition: 'Gửi đơn khác',
  enterCode: 'Nhập mã tra cứu', lookUp: 'Tra cứu',
  status: 'Trạng thái', outcome: 'Kết quả', receivedAt: 'Ngày tiếp nhận', firstStepDue: 'Hạn thụ lý', resolutionDue: 'Hạn giải quyết', answeredAt: 'Ngày trả lời', closedAt: 'Ngày kết thúc',
  agency: 'Cơ quan giải quyết', answer: 'Câu trả lời', documents: 'Văn bản kèm theo', noAnswer: 'Chưa có câu trả lời.',
  rateTitle: 'Đánh giá câu trả lời', satisfied: 'Hài lòng', notSatisfied: 'Chưa hài lòng', comment: 'Ý kiến', rate: 'Gửi đánh giá',
  appealTitle: 'Khiếu nại lần hai', appealHint: 'Nếu không đồng ý với quyết định giải quyết lần đầu, bạn có thể khiếu nại lên cấp trên; hồ sơ mới được lập và gắn với hồ sơ này.', reason: 'Lý do', appeal: 'Khiếu nại tiếp',
  withdrawTitle: 'Rút đơn', withdraw: 'Rút đơn', provideInfoTitle: 'Bổ sung thông tin', note: 'Nội dung', provideInfo: 'Gửi bổ sung',
  done: 'Đã ghi nhận.',
  password: 'Mật khẩu', signIn: 'Đăng nhập', signedInAs: 'Đăng nhập:',
  overdueOnly: 'Chỉ hồ sơ quá hạn', all: 'Tất cả', dueAt: 'Hạn', timeLeft: 'Còn lại', overdue: 'Quá hạn', noCases: 'Không có hồ sơ nào.',
  previous: 'Trang trước', next: 'Trang sau', page: 'Trang', total: 'Tổng',
  left: 'còn', late: 'quá hạn', days: 'ngày', hours: 'giờ', minutes: 'phút', seconds: 'giây',
  caseDetails: 'Hồ sơ', deadlines: 'Thời hạn và căn cứ', legalBasis: 'Căn cứ', startedAt: 'Bắt đầu tính', limit: 'Thời hạn', extensionsUsed: 'Gia hạn', clockStopped: 'Tạm dừng tính thời hạn',
  recalculations: 'Các lần tính lại', ladder: 'Các mốc nhắc, cảnh báo',
  availableActions: 'Thao tác được phép', noActions: 'Không có thao tác nào cho vai trò của bạn ở trạng thái này.',
  timeline: 'Diễn biến', notices: 'Thông báo đã gửi', recipient: 'Người nhận', attempts: 'Số lần gửi', sentAt: 'Thời điểm gửi',
  showIdentity: 'Xem thông tin người gửi (được ghi nhật ký)', identityHidden: 'Ẩn danh',
  fullHistory: 'Lịch sử đầy đủ', openTemporal: 'Mở trong Temporal Web UI', source: 'Nguồn',
  complexity: 'Mức độ phức tạp', agencyTo: 'Cơ quan', approved: 'Đồng ý gia hạn', targetCase: 'Mã theo dõi hồ sơ gộp vào', satisfiedQ: 'Công dân hài lòng',
  documentsHint: 'Mỗi dòng: tên | đường dẫn',
  extensionRequests: 'Yêu cầu gia hạn chờ quyết định', approve: 'Đồng ý', refuse: 'Không đồng ý', recentEscalations: 'Cảnh báo gần đây', overdueList: 'Hồ sơ quá hạn của đơn vị',
  missedStep: 'Bước quá hạn', requestedBy: 'Người đề nghị', none: 'Không có.',
  board: 'Bảng giám sát', recommendations: 'Kiến nghị giám sát', newRecommendation: 'Ghi kiến nghị giám sát', recommendationContent: 'Nội dung kiến nghị',
  caseCode: 'Mã tra cứu hồ sơ (không bắt buộc)', session: 'Buổi đối thoại', respond: 'Trả lời kiến nghị', response: 'Nội dung trả lời',
  newSession: 'Ghi buổi đối thoại', heldOn: 'Thời gian', kind: 'Hình thức', periodic: 'Định kỳ', thematic: 'Chuyên đề', topic: 'Chủ đề', chairName: 'Người chủ trì', chairTitle: 'Chức vụ', chairedByHead: 'Người đứng đầu trực tiếp chủ trì', attendees: 'Số người dự',
  opinions: 'Ý kiến', addOpinion: 'Thêm ý kiến', saveOpinions: 'Ghi các ý kiến', citizenName: 'Tên người nêu ý kiến', citizenEmail: 'Email người nêu ý kiến',
  conclude: 'Ban hành thông báo kết luận', conclusion: 'Nội dung kết luận', noticeDue: 'Hạn thông báo kết luận', noticePublished: 'Đã thông báo kết luận', closed: 'Đã giải quyết',
  units: 'Đơn vị', organisations: 'Cơ quan, tổ chức', categories: 'Lĩnh vực', routingRules: 'Quy tắc chuyển', calendar: 'Lịch nghỉ, làm bù', users: 'Người dùng', clockPolicies: 'Chính sách thời hạn',
  add: 'Thêm', delete: 'Xóa', edit: 'Sửa', save: 'Lưu', unchanged: '(giữ nguyên)', yes: 'Có', no: 'Không', editHint: 'Chỉ điền những gì cần thay đổi.', actionsColumn: 'Thao tác', unlock: 'Xóa bộ đếm đăng nhập sai', code: 'Mã', name: 'Tên', level: 'Cấp', parentCode: 'Mã đơn vị cấp trên', remoteArea: 'Vùng sâu, vùng xa', dissolved: 'Đã giải thể',
  unitCode: 'Mã đơn vị', organisationCode: 'Mã cơ quan', agencyCode: 'Mã cơ quan giải quyết', priority: 'Ưu tiên', date: 'Ngày', dayOff: 'Ngày nghỉ', role: 'Vai trò',
  headName: 'Người đứng đầu', headTitle: 'Chức vụ người đứng đầu', headEmail: 'Email người đứng đầu', nameVi: 'Tên tiếng Việt', nameEn: 'Tên tiếng Anh', anyType: 'Mọi loại',
  findCase: 'Tìm hồ sơ theo mã tra cứu', open: 'Mở', version: 'Phiên bản', effectiveFrom: 'Hiệu lực từ', builtIn: 'Mặc định theo luật',
  reportDialogue: 'Kết quả đối thoại', reportOverdue: 'Hồ sơ quá hạn theo cơ quan', year: 'Năm', period: 'Kỳ', index: 'Số thứ tự kỳ', show: 'Xem', downloadCsv: 'Tải CSV',
  resolvedShare: 'Tỷ lệ giải quyết', sessionsCount: 'Số buổi', openCases: 'Đang mở', overdueCases: 'Quá hạn', resolvedCount: 'Đã giải quyết',
  newPolicy: 'Thêm phiên bản chính sách thời hạn', vietnamTime: 'Giờ Việt Nam', policyLimits: 'Các thời hạn (JSON)', invalidJson: 'Các thời hạn không phải JSON hợp lệ',
  policyLimitsHint: 'Bắt đầu từ phiên bản mới nhất; sửa thời hạn và căn cứ pháp lý. Hồ sơ đã tiếp nhận giữ phiên bản cũ.',
  calendarYear: 'Nạp lịch nghỉ đã công bố của một năm', calendarYearHint: 'Thay toàn bộ ngày điều chỉnh của năm đó. Mỗi dòng một ngày YYYY-MM-DD, có thể ghi lý do sau dấu cách.', basis: 'Căn cứ (văn bản công bố)',
  daysOffList: 'Các ngày nghỉ', workingDaysList: 'Các ngày làm bù', loadYear: 'Nạp lịch năm', yearLoaded: 'Đã nạp lịch năm', storedDays: 'Số ngày đã lưu',
  notAnnounced: 'Ngày nghỉ tính theo luật mà thông báo không nhắc đến (vẫn là ngày nghỉ; ghi vào ngày làm bù nếu phải làm việc)',
  recurringHolidays: 'Ngày lễ hằng năm (do luật bổ sung)', recurringHint: 'Nghỉ vào cùng ngày mỗi năm từ năm áp dụng; trùng thứ Bảy, Chủ nhật thì nghỉ bù ngày làm việc kế tiếp (BLLĐ 2019, Điều 111).', monthDay: 'Ngày (MM-DD)', fromYear: 'Áp dụng từ năm',
  dayOverrides: 'Điều chỉnh từng ngày',
  changeLog: 'Nhật ký thay đổi', changedAt: 'Thời điểm', changedBy: 'Người thực hiện', change: 'Thay đổi', changeTarget: 'Đối tượng', changeDetails: 'Chi tiết',
  filterTarget: 'Lọc theo đối tượng (mã, email, ngày)', nextPage: 'Trang sau', firstPage: 'Về trang đầu', noChanges: 'Chưa có thay đổi nào.',
  notFound: 'Không tìm thấy trang này.', forbidden: 'Bạn không có quyền xem trang này.', needLogin: 'Cần đăng nhập để xem trang này.', loadingText: 'Đang tải…', retry: 'Thử lại',
};

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  appTitle: 'Petitions, feedback and dialogue',
  skip: 'Skip to main content',
  switchLang: 'Tiếng Việt',
  home: 'Home', submit: 'Submit', track: 'Track a case', login: 'Staff login', logout: 'Log out',
  inbox: 'Inbox', escalations: 'Escalations & extensions', supervision: 'Supervision', sessions: 'Dialogue sessions', admin: 'Administration', reports: 'Reports', history: 'Case history',
  homeIntro: 'Citizens submit feedback, petitions, complaints and denunciations and follow them; officers handle each case within its legal deadline.',
  homeSubmit: 'Send feedback, a petition, a complaint or a denunciation to the competent authority.',
  homeTrack: 'Follow your case with its tracking code, rate the answer, appeal.',
  homeStaff: 'Officers, heads of government, the Fatherland Front and administrators.',
  required: 'required',
  caseType: 'Case type', unit: 'Administrative unit', category: 'Category', title: 'Title', content: 'Content',
  attachments: 'Attachments', attachmentHint: 'Links to scans or photos you have published (http or https)', attachmentName: 'Document name', attachmentUrl: 'Link',
  addAttachment: 'Add a document', remove: 'Remove',
  anonymous: 'Submit anonymously (feedback only)',
  petitioner: 'Petitioner', fullName: 'Full name', email: 'Email', phone: 'Phone', address: 'Address',
  addressHint: 'Required for complaints and denunciations',
  accused: 'The accused', accusedPosition: 'Position and workplace', accusedEmailHint: 'If known: the agency tells them here that the denunciation was accepted; nothing about you is disclosed',
  accusedSummary: 'What the accused is told', accusedSummaryHint: 'State what the denunciation concerns; nothing that could identify the denouncer. Left blank: the agency tells them directly.',
  noticeLanguage: 'Language of notices',
  send: 'Send', sending: 'Sending…', choose: '— Choose —',
  fixErrors: 'Please correct the highlighted fields.',
  submitted: 'Your petition was received', trackingCode: 'Tracking code', keepCode: 'Follow your case with the tracking code.',
  citizenSecret: 'Secret', keepSecret: 'The secret is shown only once. Write it down or print this page: you need it to rate the answer, withdraw, appeal or provide information. Never give it to anyone, officials included.',
  printReceipt: 'Print a receipt', secretHint: 'The secret given at submission (XXXXX-XXXXX-XXXXX-XXXXX)',
  lostSecret: 'Lost the secret? Send a new one to my email', lostSecretSent: 'If the case has an email address, a new secret was sent to it. The old one no longer works.',
  followCase: 'Follow the case', newPetition: 'Submit another',
  enterCode: 'Tracking code', lookUp: 'Look up',
  status: 'Status', outcome: 'Outcome', receivedAt: 'Received', firstStepDue: 'Acceptance due', resolutionDue: 'Resolution due', answeredAt: 'Answered', closedAt: 'Closed',
  agency: 'Handling agency', answer: 'Answer', documents: 'Documents', noAnswer: 'No answer yet.',
  rateTitle: 'Rate the answer', satisfied: 'Satisfied', notSatisfied: 'Not satisfied', comment: 'Comment', rate: 'Send rating',
  appealTitle: 'Second complaint', appealHint: 'If you disagree with the first decision, you can complain to the superior authority; a new case is opened and linked to this one.', reason: 'Reason', appeal: 'Appeal',
  withdrawTitle: 'Withdraw', withdraw: 'Withdraw', provideInfoTitle: 'Provide information', note: 'Text', provideInfo: 'Send information',
  done: 'Recorded.',
  password: 'Password', signIn: 'Sign in', signedInAs: 'Signed in:',
  overdueOnly: 'Overdue only', all: 'All', dueAt: 'Due', timeLeft: 'Time left', overdue: 'Overdue', noCases: 'No cases.',
  previous: 'Previous', next: 'Next', page: 'Page', total: 'Total',
  left: 'left', late: 'overdue', days: 'd', hours: 'h', minutes: 'min', seconds: 's',
  caseDetails: 'Case', deadlines: 'Deadlines and their basis', legalBasis: 'Basis', startedAt: 'Counted from', limit: 'Limit', extensionsUsed: 'Extensions', clockStopped: 'Clock stopped',
  recalculations: 'Recalculations', ladder: 'Reminder and escalation steps',
  availableActions: 'Allowed actions', noActions: 'Your role has no action on the case in this status.',
  timeline: 'Timeline', notices: 'Notices sent', recipient: 'Recipient', attempts: 'Attempts', sentAt: 'Sent at',
  showIdentity: 'Show petitioner identity (audited)', identityHidden: 'Anonymous',
  fullHistory: 'Full history', openTemporal: 'Open in the Temporal Web UI', source: 'Source',
  complexity: 'Complexity', agencyTo: 'Agency', approved: 'Approve the extension', targetCase: 'Tracking code of the case to merge into', satisfiedQ: 'Citizen satisfied',
  documentsHint: 'One per line: name | link',
  extensionRequests: 'Extension requests awaiting a decision', approve: 'Approve', refuse: 'Refuse', recentEscalations: 'Recent escalations', overdueList: 'Overdue cases of the unit',
  missedStep: 'Missed step', requestedBy: 'Requested by', none: 'None.',
  board: 'Supervision board', recommendations: 'Supervision recommendations', newRecommendation: 'Record a supervision recommendation', recommendationContent: 'Recommendation',
  caseCode: 'Case tracking code (optional)', session: 'Dialogue session', respond: 'Answer the recommendation', response: 'Answer',
  newSession: 'Record a dialogue session', heldOn: 'Held on', kind: 'Kind', periodic: 'Periodic', thematic: 'Thematic', topic: 'Topic', chairName: 'Chaired by', chairTitle: 'Title', chairedByHead: 'Chaired by the head in person', attendees: 'Attendees',
  opinions: 'Opinions', addOpinion: 'Add an opinion', saveOpinions: 'Record the opinions', citizenName: 'Citizen’s name', citizenEmail: 'Citizen’s email',
  conclude: 'Publish the conclusion notice', conclusion: 'Conclusion', noticeDue: 'Conclusion notice due', noticePublished: 'Conclusion published', closed: 'Resolved',
  units: 'Units', organisations: 'Organisations', categories: 'Categories', routingRules: 'Routing rules', calendar: 'Days off and make-up days', users: 'Users', clockPolicies: 'Deadline policies',
  add: 'Add', delete: 'Delete', edit: 'Edit', save: 'Save', unchanged: '(unchanged)', yes: 'Yes', no: 'No', editHint: 'Fill in only what changes.', actionsColumn: 'Actions', unlock: 'Clear failed-login throttling', code: 'Code', name: 'Name', level: 'Level', parentCode: 'Parent unit code', remoteArea: 'Remote area', dissolved: 'Dissolved',
  unitCode: 'Unit code', organisationCode: 'Organisation code', agencyCode: 'Handling agency code', priority: 'Priority', date: 'Date', dayOff: 'Day off', role: 'Role',
  headName: 'Head', headTitle: 'Head’s title', headEmail: 'Head’s email', nameVi: 'Name (Vietnamese)', nameEn: 'Name (English)', anyType: 'Any type',
  findCase: 'Find a case by tracking code', open: 'Open', version: 'Version', effectiveFrom: 'Effective from', builtIn: 'Legal default',
  reportDialogue: 'Dialogue results', reportOverdue: 'Overdue cases by agency', year: 'Year', period: 'Period', index: 'Period number', show: 'Show', downloadCsv: 'Download CSV',
  resolvedShare: 'Resolution rate', sessionsCount: 'Sessions', openCases: 'Open', overdueCases: 'Overdue', resolvedCount: 'Resolved',
  newPolicy: 'Add a deadline-policy version', vietnamTime: 'Vietnam time', policyLimits: 'The limits (JSON)', invalidJson: 'The limits are not valid JSON',
  policyLimitsHint: 'Starts from the newest version; change the limits and their legal basis. Cases already received keep their version.',
  calendarYear: 'Load a year’s announced calendar', calendarYearHint: 'Replaces all of that year’s overrides. One day a line as YYYY-MM-DD, optionally followed by a reason.', basis: 'Basis (the announcement)',
  daysOffList: 'Days off', workingDaysList: 'Make-up working days', loadYear: 'Load the year', yearLoaded: 'The year is loaded', storedDays: 'Days stored',
  notAnnounced: 'Statutory days off the announcement did not mention (still off; list them as make-up days if they are worked)',
  recurringHolidays: 'Recurring holidays (added by law)', recurringHint: 'Off on the same day every year from the first year; on a weekend, the next working day is off (Labour Code 2019 art. 111).', monthDay: 'Day (MM-DD)', fromYear: 'From year',
  dayOverrides: 'Single-day overrides',
  changeLog: 'Change log', changedAt: 'When', changedBy: 'By', change: 'Change', changeTarget: 'Target', changeDetails: 'Details',
  filterTarget: 'Filter by target (code, email, date)', nextPage: 'Next page', firstPage: 'First page', noChanges: 'No changes yet.',
  notFound: 'Page not found.', forbidden: 'You may not see this page.', needLogin: 'Please sign in to see this page.', loadingText: 'Loading…', retry: 'Retry',
};

const LABELS: Record<Lang, Record<string, Record<string, string>>> = {
  vi: {
    type: { FEEDBACK: 'Phản ánh, kiến nghị', COMPLAINT_FIRST: 'Khiếu nại lần đầu', COMPLAINT_SECOND: 'Khiếu nại lần hai', DENUNCIATION: 'Tố cáo', SESSION_OPINION: 'Ý kiến tại đối thoại' },
    status: { RECEIVED: 'Mới tiếp nhận', UNROUTED: 'Chờ phân công', ASSIGNED: 'Đã chuyển cơ quan', ACCEPTED: 'Đang giải quyết', AWAITING_INFO: 'Chờ bổ sung', ANSWERED: 'Đã trả lời', CLOSED: 'Đã kết thúc' },
    outcome: { RESOLVED: 'Đã giải quyết', GUIDED: 'Đã hướng dẫn', REFUSED: 'Không thụ lý', WITHDRAWN: 'Đã rút', MERGED: 'Đã gộp', APPEALED: 'Đã khiếu nại tiếp' },
    action: {
      assign: 'Phân công', reassign: 'Giao lại', accept: 'Thụ lý', return: 'Trả lại tiếp nhận', transfer: 'Chuyển cơ quan khác', guide: 'Hướng dẫn', refuse: 'Không thụ lý',
      requestInfo: 'Yêu cầu bổ sung', provideInfo: 'Đã bổ sung', requestExtension: 'Đề nghị gia hạn', decideExtension: 'Quyết định gia hạn', reclassify: 'Đổi mức độ phức tạp',
      answer: 'Trả lời', rate: 'Đánh giá', appeal: 'Khiếu nại tiếp', withdraw: 'Rút đơn', merge: 'Gộp hồ sơ', note: 'Ghi chú nội bộ',
    } satisfies Record<CaseAction, string>,
    complexity: { NORMAL: 'Thông thường', COMPLEX: 'Phức tạp', ESPECIALLY_COMPLEX: 'Đặc biệt phức tạp' },
    role: { RECEPTION_OFFICER: 'Cán bộ tiếp nhận', AGENCY_OFFICER: 'Cán bộ cơ quan', HEAD_OF_GOVERNMENT: 'Chủ tịch UBND', FRONT_SUPERVISOR: 'Giám sát MTTQ', ADMINISTRATOR: 'Quản trị viên' },
    level: { PROVINCE: 'Tỉnh', DISTRICT: 'Huyện', COMMUNE: 'Xã, phường' },
    input: { from: 'Tính từ', caseType: 'Loại đơn', complexity: 'Mức độ phức tạp', remoteArea: 'Vùng sâu, vùng xa', policyVersion: 'Phiên bản chính sách', workingDays: 'Tính theo ngày làm việc' },
    step: { first_step: 'Thụ lý', resolution: 'Giải quyết', session_notice: 'Thông báo kết luận', rating: 'Đánh giá', recommendation_response: 'Trả lời kiến nghị' },
    ladder: { reminder: 'Nhắc trước hạn', due: 'Đến hạn: báo người đứng đầu và MTTQ', superior: 'Báo cấp trên' },
    notice: { SENT: 'Đã gửi', PENDING: 'Đang chờ', FAILED: 'Gửi lỗi' },
    sessionStatus: { OPEN: 'Đang theo dõi', CONCLUDED: 'Đã thông báo kết luận', CLOSED: 'Đã kết thúc' },
    recommendation: { OPEN: 'Chờ trả lời', RESPONDED: 'Đã trả lời' },
    change: {
      'unit.created': 'Thêm đơn vị', 'unit.changed': 'Sửa đơn vị', 'organisation.created': 'Thêm cơ quan, tổ chức', 'organisation.changed': 'Sửa cơ quan, tổ chức',
      'category.created': 'Thêm lĩnh vực', 'category.changed': 'Sửa lĩnh vực', 'routing_rule.created': 'Thêm quy tắc chuyển', 'routing_rule.removed': 'Xóa quy tắc chuyển',
      'clock_policy.created': 'Thêm chính sách thời hạn', 'calendar_override.set': 'Đặt ngày nghỉ, làm bù', 'calendar_override.removed': 'Xóa ngày nghỉ, làm bù', 'calendar_year.loaded': 'Nạp lịch nghỉ cả năm', 'recurring_holiday.set': 'Đặt ngày lễ hằng năm', 'recurring_holiday.removed': 'Xóa ngày lễ hằng năm',
      'user.created': 'Thêm người dùng', 'user.changed': 'Sửa người dùng', 'service_account.created': 'Thêm tài khoản dịch vụ', 'service_account.changed': 'Sửa tài khoản dịch vụ', 'api_token.issued': 'Cấp mã truy cập API', 'api_token.revoked': 'Thu hồi mã truy cập API',
    },
    period: { monthly: 'Tháng', quarterly: 'Quý', '6-month': '6 tháng', '9-month': '9 tháng', annual: 'Năm' },
    event: {
      received: 'Tiếp nhận', routed: 'Chuyển cơ quan', unrouted: 'Chuyển bộ phận tiếp nhận', assigned: 'Phân công', accepted: 'Thụ lý', answered: 'Trả lời', closed: 'Kết thúc',
      overdue: 'Quá hạn, đã báo người đứng đầu', escalated_to_superior: 'Báo cấp trên', reminder: 'Nhắc hạn', extension_requested: 'Đề nghị gia hạn', extension_approved: 'Đồng ý gia hạn', extension_refused: 'Không đồng ý gia hạn',
      rated: 'Đánh giá', appealed: 'Khiếu nại tiếp', withdrawn: 'Rút đơn', merged: 'Gộp hồ sơ', returned: 'Trả lại', transferred: 'Chuyển cơ quan khác', guided: 'Hướng dẫn', refused: 'Không thụ lý',
      info_requested: 'Yêu cầu bổ sung', info_provided: 'Đã bổ sung', reclassified: 'Đổi mức độ', reassigned: 'Giao lại', identity_read: 'Xem thông tin người gửi', rated_satisfied: 'Công dân hài lòng', rated_dissatisfied: 'Công dân chưa hài lòng', reopened: 'Mở lại', duplicate_merged: 'Gộp đơn trùng', notice_sent: 'Đã gửi thông báo', notice_failed: 'Gửi thông báo lỗi', accused_notice_in_writing: 'Cần thông báo người bị tố cáo bằng văn bản', deadline_start: 'Bắt đầu tính thời hạn', deadline_extend: 'Gia hạn thời hạn', deadline_pause: 'Tạm dừng thời hạn', deadline_resume: 'Tiếp tục tính thời hạn', deadline_reclassify: 'Tính lại thời hạn theo mức độ', action_failed: 'Thao tác không thực hiện được',
    },
  },
  en: {
    type: { FEEDBACK: 'Feedback / petition', COMPLAINT_FIRST: 'First complaint', COMPLAINT_SECOND: 'Second complaint', DENUNCIATION: 'Denunciation', SESSION_OPINION: 'Dialogue opinion' },
    status: { RECEIVED: 'Received', UNROUTED: 'Awaiting assignment', ASSIGNED: 'Assigned', ACCEPTED: 'In progress', AWAITING_INFO: 'Awaiting information', ANSWERED: 'Answered', CLOSED: 'Closed' },
    outcome: { RESOLVED: 'Resolved', GUIDED: 'Guided', REFUSED: 'Refused', WITHDRAWN: 'Withdrawn', MERGED: 'Merged', APPEALED: 'Appealed' },
    action: {
      assign: 'Assign', reassign: 'Reassign', accept: 'Accept', return: 'Return to reception', transfer: 'Transfer', guide: 'Guide elsewhere', refuse: 'Refuse',
      requestInfo: 'Request information', provideInfo: 'Information provided', requestExtension: 'Request an extension', decideExtension: 'Decide the extension', reclassify: 'Reclassify',
      answer: 'Answer', rate: 'Rate', appeal: 'Appeal', withdraw: 'Withdraw', merge: 'Merge', note: 'Internal note',
    } satisfies Record<CaseAction, string>,
    complexity: { NORMAL: 'Normal', COMPLEX: 'Complex', ESPECIALLY_COMPLEX: 'Especially complex' },
    role: { RECEPTION_OFFICER: 'Reception officer', AGENCY_OFFICER: 'Agency officer', HEAD_OF_GOVERNMENT: 'Head of government', FRONT_SUPERVISOR: 'Front supervisor', ADMINISTRATOR: 'Administrator' },
    level: { PROVINCE: 'Province', DISTRICT: 'District', COMMUNE: 'Commune / ward' },
    input: { from: 'Counted from', caseType: 'Case type', complexity: 'Complexity', remoteArea: 'Remote area', policyVersion: 'Policy version', workingDays: 'Working days' },
    step: { first_step: 'Acceptance', resolution: 'Resolution', session_notice: 'Conclusion notice', rating: 'Rating', recommendation_response: 'Recommendation answer' },
    ladder: { reminder: 'Reminder before the deadline', due: 'Due: head and Front notified', superior: 'Superior unit notified' },
    notice: { SENT: 'Sent', PENDING: 'Pending', FAILED: 'Failed' },
    sessionStatus: { OPEN: 'Being followed up', CONCLUDED: 'Conclusion published', CLOSED: 'Closed' },
    recommendation: { OPEN: 'Awaiting answer', RESPONDED: 'Answered' },
    change: {
      'unit.created': 'Unit added', 'unit.changed': 'Unit changed', 'organisation.created': 'Organisation added', 'organisation.changed': 'Organisation changed',
      'category.created': 'Category added', 'category.changed': 'Category changed', 'routing_rule.created': 'Routing rule added', 'routing_rule.removed': 'Routing rule removed',
      'clock_policy.created': 'Deadline policy added', 'calendar_override.set': 'Day off / make-up day set', 'calendar_override.removed': 'Day off / make-up day removed', 'calendar_year.loaded': 'A year’s calendar loaded', 'recurring_holiday.set': 'Recurring holiday set', 'recurring_holiday.removed': 'Recurring holiday removed',
      'user.created': 'User added', 'user.changed': 'User changed', 'service_account.created': 'Service account added', 'service_account.changed': 'Service account changed', 'api_token.issued': 'API token issued', 'api_token.revoked': 'API token revoked',
    },
    period: { monthly: 'Month', quarterly: 'Quarter', '6-month': 'Six months', '9-month': 'Nine months', annual: 'Year' },
    event: {
      received: 'Received', routed: 'Routed', unrouted: 'Sent to reception', assigned: 'Assigned', accepted: 'Accepted', answered: 'Answered', closed: 'Closed',
      overdue: 'Overdue: head notified', escalated_to_superior: 'Superior unit notified', reminder: 'Reminder', extension_requested: 'Extension requested', extension_approved: 'Extension approved', extension_refused: 'Extension refused',
      rated: 'Rated', appealed: 'Appealed', withdrawn: 'Withdrawn', merged: 'Merged', returned: 'Returned', transferred: 'Transferred', guided: 'Guided', refused: 'Refused',
      info_requested: 'Information requested', info_provided: 'Information provided', reclassified: 'Reclassified', reassigned: 'Reassigned', identity_read: 'Identity read', rated_satisfied: 'Citizen satisfied', rated_dissatisfied: 'Citizen dissatisfied', reopened: 'Reopened', duplicate_merged: 'Duplicate merged', notice_sent: 'Notice sent', notice_failed: 'Notice failed', accused_notice_in_writing: 'The accused to be informed in writing', deadline_start: 'Deadline started', deadline_extend: 'Deadline extended', deadline_pause: 'Deadline paused', deadline_resume: 'Deadline resumed', deadline_reclassify: 'Deadline recalculated for complexity', action_failed: 'Action failed',
    },
  },
};

const STORAGE_KEY = 'lang';
let current: Lang = (() => {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
})();

export const lang = (): Lang => current;

export function setLang(next: Lang): void {
  current = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

export const t = (key: MessageKey): string => (current === 'vi' ? vi : en)[key];

/** The label of an enum value (`label('status', 'ACCEPTED')`), or the value itself when unknown. */
export const label = (group: string, value: string | null | undefined): string =>
  value == null ? '' : (LABELS[current][group]?.[value] ?? value);

/** A timeline entry: an event's own label, else the action it records (an internal note is the action 'note'). */
export const eventLabel = (type: string): string => LABELS[current].event?.[type] ?? label('action', type);

/** Server messages are "Vietnamese / English": show the half for the chosen language. */
export function pick(message: string): string {
  const parts = message.split(' / ');
  if (parts.length < 2) return message;
  return current === 'vi' ? parts[0]! : parts.slice(1).join(' / ');
}

"""Words for the benchmark directory: what each kind of service is called and does.

Each need category has an English, a Thai and a Vietnamese name and one sentence in each.
The texts are made up for load testing and are never shown to anyone looking for help.
"""

# code: (English name, Thai name, Vietnamese name, English, Thai, Vietnamese sentence)
KINDS = {
    "hotline": (
        "24-hour helpline", "สายด่วนช่วยเหลือ", "Đường dây nóng hỗ trợ",
        "Call any time to talk to a trained counsellor who can arrange help.",
        "โทรได้ตลอดเวลาเพื่อพูดคุยกับเจ้าหน้าที่ที่ผ่านการอบรม",
        "Gọi bất cứ lúc nào để nói chuyện với tư vấn viên được đào tạo.",
    ),
    "identification_screening": (
        "Screening and identification", "การคัดกรองและระบุตัวผู้เสียหาย",
        "Sàng lọc và xác định nạn nhân",
        "A private interview to find out what happened and which help fits.",
        "การสัมภาษณ์เป็นความลับเพื่อทำความเข้าใจสิ่งที่เกิดขึ้น",
        "Phỏng vấn bảo mật để tìm hiểu sự việc và hỗ trợ phù hợp.",
    ),
    "emergency_shelter": (
        "Emergency shelter", "ที่พักพิงฉุกเฉิน", "Nhà tạm lánh khẩn cấp",
        "A safe place to stay tonight, with meals and someone to talk to.",
        "ที่พักปลอดภัยสำหรับคืนนี้ พร้อมอาหารและเจ้าหน้าที่ดูแล",
        "Nơi ở an toàn ngay trong đêm, có bữa ăn và người hỗ trợ.",
    ),
    "long_term_housing": (
        "Transitional housing", "ที่พักระยะยาว", "Nhà ở chuyển tiếp",
        "Housing for up to a year while you rebuild your life.",
        "ที่พักนานสูงสุดหนึ่งปีระหว่างเริ่มต้นชีวิตใหม่",
        "Chỗ ở đến một năm trong khi bạn ổn định cuộc sống.",
    ),
    "material_assistance": (
        "Emergency supplies", "ของใช้จำเป็นฉุกเฉิน", "Hỗ trợ nhu yếu phẩm",
        "Clothes, food, toiletries and a phone card when you arrive.",
        "เสื้อผ้า อาหาร ของใช้ส่วนตัว และบัตรโทรศัพท์",
        "Quần áo, thực phẩm, đồ dùng cá nhân và thẻ điện thoại.",
    ),
    "medical_care": (
        "Health clinic", "คลินิกสุขภาพ", "Phòng khám sức khỏe",
        "Free check-ups and treatment, including sexual and reproductive health care.",
        "ตรวจสุขภาพและรักษาพยาบาลฟรี", "Khám và điều trị miễn phí, chăm sóc sức khỏe sinh sản.",
    ),
    "mental_health": (
        "Counselling", "บริการให้คำปรึกษาด้านจิตใจ", "Tư vấn tâm lý",
        "Talk in private with a counsellor about what happened, at your own pace.",
        "พูดคุยเป็นการส่วนตัวกับนักให้คำปรึกษา", "Trò chuyện riêng với chuyên viên tư vấn tâm lý.",
    ),
    "legal_aid": (
        "Legal aid clinic", "คลินิกช่วยเหลือทางกฎหมาย", "Trợ giúp pháp lý",
        "Free advice from a lawyer about your rights, wages owed and court cases.",
        "คำปรึกษาฟรีจากทนายความเรื่องสิทธิและค่าจ้างค้างจ่าย",
        "Luật sư tư vấn miễn phí về quyền lợi, tiền lương và vụ kiện.",
    ),
    "interpretation": (
        "Interpreting service", "บริการล่าม", "Dịch vụ phiên dịch",
        "Interpreters for appointments with the police, doctors and lawyers.",
        "ล่ามสำหรับการพบตำรวจ แพทย์ และทนายความ",
        "Phiên dịch khi làm việc với công an, bác sĩ và luật sư.",
    ),
    "case_management": (
        "Case management", "การจัดการรายกรณี", "Quản lý trường hợp",
        "A caseworker who plans your support with you and keeps in touch.",
        "เจ้าหน้าที่ดูแลรายกรณีวางแผนความช่วยเหลือร่วมกับคุณ",
        "Cán bộ phụ trách cùng bạn lập kế hoạch hỗ trợ.",
    ),
    "identity_documents": (
        "Help with identity documents", "ช่วยทำเอกสารประจำตัว", "Hỗ trợ giấy tờ tùy thân",
        "Help to replace a passport or identity card that was taken or lost.",
        "ช่วยทำหนังสือเดินทางหรือบัตรประชาชนใหม่", "Hỗ trợ làm lại hộ chiếu hoặc căn cước bị mất.",
    ),
    "immigration_status": (
        "Immigration advice", "คำปรึกษาด้านสถานะการเข้าเมือง", "Tư vấn di trú",
        "Advice on visas, permission to stay and to work, and reflection periods.",
        "คำแนะนำเรื่องวีซ่าและการอยู่อาศัยชั่วคราว", "Tư vấn thị thực, cư trú và giấy phép lao động.",
    ),
    "law_enforcement_support": (
        "Support with police and courts", "ช่วยเหลือในการติดต่อตำรวจและศาล",
        "Hỗ trợ làm việc với công an và tòa án",
        "Someone goes with you to make a statement or to court.",
        "มีเจ้าหน้าที่ไปเป็นเพื่อนเมื่อให้ปากคำหรือไปศาล",
        "Có người đi cùng khi bạn trình báo hoặc ra tòa.",
    ),
    "safety_planning": (
        "Safety planning", "การวางแผนความปลอดภัย", "Lập kế hoạch an toàn",
        "Plan how to stay safe from the people who exploited you.",
        "วางแผนเพื่อความปลอดภัยจากผู้แสวงประโยชน์", "Lập kế hoạch giữ an toàn trước kẻ bóc lột.",
    ),
    "child_protection": (
        "Child protection service", "บริการคุ้มครองเด็ก", "Bảo vệ trẻ em",
        "Care and protection for children and young people under 18.",
        "การดูแลและคุ้มครองเด็กอายุต่ำกว่า 18 ปี", "Chăm sóc và bảo vệ trẻ em dưới 18 tuổi.",
    ),
    "family_tracing": (
        "Family tracing", "การติดตามครอบครัว", "Tìm kiếm gia đình",
        "We help you find and contact your family, safely.",
        "ช่วยติดตามและติดต่อครอบครัวอย่างปลอดภัย", "Giúp bạn tìm và liên lạc an toàn với gia đình.",
    ),
    "safe_return": (
        "Safe return and reception", "การส่งกลับอย่างปลอดภัย", "Hồi hương an toàn",
        "Reception at the border or airport and a safe journey home.",
        "รับตัวที่ชายแดนและเดินทางกลับบ้านอย่างปลอดภัย", "Tiếp nhận tại cửa khẩu và đưa về nhà an toàn.",
    ),
    "financial_assistance": (
        "Emergency cash grants", "เงินช่วยเหลือฉุกเฉิน", "Hỗ trợ tài chính khẩn cấp",
        "Small grants for rent, travel and daily needs.",
        "เงินช่วยเหลือค่าเช่า ค่าเดินทาง และค่าใช้จ่ายประจำวัน",
        "Trợ cấp nhỏ cho tiền nhà, đi lại và sinh hoạt.",
    ),
    "education": (
        "Education support", "สนับสนุนการศึกษา", "Hỗ trợ học tập",
        "Help to go back to school, with fees, books and tutoring.",
        "ช่วยให้กลับไปเรียนต่อ ทั้งค่าเล่าเรียนและหนังสือ", "Giúp trở lại trường học: học phí, sách vở.",
    ),
    "vocational_training": (
        "Vocational training", "ฝึกอาชีพ", "Dạy nghề",
        "Courses in sewing, cooking, hairdressing, driving and computers.",
        "หลักสูตรตัดเย็บ ทำอาหาร เสริมสวย และคอมพิวเตอร์",
        "Khóa học may, nấu ăn, làm tóc, lái xe và tin học.",
    ),
    "employment": (
        "Job placement", "จัดหางาน", "Giới thiệu việc làm",
        "Help to find safe and fairly paid work.",
        "ช่วยหางานที่ปลอดภัยและได้ค่าจ้างเป็นธรรม", "Hỗ trợ tìm việc làm an toàn, lương công bằng.",
    ),
    "community_reintegration": (
        "Community reintegration", "การคืนสู่ชุมชน", "Tái hòa nhập cộng đồng",
        "Home visits and support to settle back into your community.",
        "เยี่ยมบ้านและช่วยให้กลับไปใช้ชีวิตในชุมชน", "Thăm nhà và hỗ trợ hòa nhập lại cộng đồng.",
    ),
    "remedies_compensation": (
        "Compensation claims", "การเรียกร้องค่าชดเชย", "Yêu cầu bồi thường",
        "Help to claim compensation and unpaid wages.",
        "ช่วยเรียกร้องค่าชดเชยและค่าจ้างที่ค้าง", "Hỗ trợ đòi bồi thường và tiền lương bị nợ.",
    ),
    "transport": (
        "Safe transport", "บริการรับส่งอย่างปลอดภัย", "Đưa đón an toàn",
        "Transport to appointments, shelters and the border.",
        "รับส่งไปนัดหมาย ที่พัก และชายแดน", "Đưa đón đến cuộc hẹn, nhà tạm lánh và cửa khẩu.",
    ),
}  # fmt: skip

# How often each need is a service's main purpose (relative weights).
KIND_WEIGHTS = {
    "hotline": 3, "identification_screening": 4, "emergency_shelter": 6, "long_term_housing": 3,
    "material_assistance": 5, "medical_care": 6, "mental_health": 6, "legal_aid": 7,
    "interpretation": 3, "case_management": 7, "identity_documents": 3,
    "immigration_status": 3, "law_enforcement_support": 3, "safety_planning": 3,
    "child_protection": 4, "family_tracing": 2, "safe_return": 3, "financial_assistance": 3,
    "education": 3, "vocational_training": 5, "employment": 4, "community_reintegration": 4,
    "remedies_compensation": 2, "transport": 2,
}  # fmt: skip

AUDIENCES = {
    # key: (English suffix, genders, min_age, max_age, who sentence)
    "all": ("", "", None, None, "Open to anyone who has been trafficked or exploited."),
    "women": (" for women and girls", ",female,", None, None,
              "For women and girls, and their young children."),
    "men": (" for men", ",male,", 18, None, "For men over 18, including fishermen."),
    "children": (" for children", "", 0, 17, "For children and young people under 18."),
    "youth": (" for young people", "", 15, 24, "For young people aged 15 to 24."),
    "adults": ("", "", 18, None, "For adults aged 18 and over."),
    "migrants": (" for migrant workers", "", 18, None,
                 "For migrant workers, whatever their papers."),
    "lgbt": (" for LGBTIQ+ people", ",female,male,other,", 16, None,
             "For lesbian, gay, bisexual, trans and intersex people."),
}  # fmt: skip
AUDIENCE_WEIGHTS = {"all": 55, "women": 17, "men": 4, "children": 9, "youth": 3, "adults": 7,
                    "migrants": 4, "lgbt": 1}  # fmt: skip

ORGANISATION_WORDS = (
    "Women's Network", "Migrant Support Centre", "Legal Aid Foundation", "Children's Trust",
    "Hope Foundation", "Community Health Project", "Anti-Trafficking Coalition",
    "Workers' Rights Centre", "Red Cross Branch", "Social Welfare Office", "Shelter Association",
    "Youth Outreach", "Family Services", "Justice Project", "Recovery House",
)  # fmt: skip
ORGANISATION_TYPES = {"ngo": 60, "government": 15, "international": 5, "legal_aid": 6,
                      "health": 6, "faith_based": 5, "law_enforcement": 2, "other": 1}  # fmt: skip

SELF_REFERRAL = {
    True: ("Just come by or call; you do not need a referral.",
           "มาติดต่อหรือโทรได้เลย ไม่ต้องมีหนังสือส่งตัว",
           "Bạn có thể đến trực tiếp hoặc gọi điện, không cần giấy giới thiệu."),
    False: ("By referral from a partner organisation, social worker or the police.",
            "ต้องได้รับการส่งต่อจากหน่วยงานภาคีหรือตำรวจ",
            "Cần giấy giới thiệu của tổ chức đối tác hoặc công an."),
}  # fmt: skip

EXPLOITATION = ("sexual", "forced_labour", "domestic_servitude", "forced_marriage",
                "forced_criminality", "begging")  # fmt: skip

COUNTRY_LANGUAGES = {
    "TH": (["th"], ["my", "km", "lo"]),
    "VN": (["vi"], ["zh", "km"]),
    "MY": (["ms"], ["id", "my", "bn", "ta"]),
    "ID": (["id"], ["jv"]),
    "PH": (["tl"], ["ceb"]),
    "KH": (["km"], ["vi", "th"]),
    "LA": (["lo"], ["th", "vi"]),
    "MM": (["my"], ["th", "zh"]),
    "BD": (["bn"], ["hi", "my"]),
}
DIAL_CODES = {"TH": "66", "VN": "84", "MY": "60", "ID": "62", "PH": "63", "KH": "855",
              "LA": "856", "MM": "95", "BD": "880"}  # fmt: skip

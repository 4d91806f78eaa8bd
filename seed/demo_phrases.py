# ruff: noqa: E501
"""Phrase bank for the FICTIONAL demo directory (used by build_demo_directory.py).

Plain-language sentences in English, Thai, Vietnamese, Malay and Indonesian. A service's
description is put together from a "what it is" sentence of its main need category, a
"who it is for" sentence of its audience and a "what happens when you get in touch"
sentence of its way in, so that descriptions vary without being written one by one.
"""

LANGS = ("en", "th", "vi", "ms", "id")

# --------------------------------------------------------------------------- service names
# Per need category: English variants first, then one or two per local language.
NAMES = {
    "hotline": {
        "en": ["24-hour helpline", "Anti-trafficking hotline", "Helpline"],
        "th": ["สายด่วนช่วยเหลือ 24 ชั่วโมง", "สายด่วนต่อต้านการค้ามนุษย์"],
        "vi": ["Đường dây nóng 24/7", "Đường dây nóng phòng, chống mua bán người"],
        "ms": ["Talian bantuan 24 jam", "Talian bantuan antipemerdagangan orang"],
        "id": ["Hotline 24 jam", "Hotline pengaduan perdagangan orang"],
    },
    "advice_line": {  # a hotline that is not open around the clock
        "en": ["Advice line", "Phone and chat advice line"],
        "th": ["สายให้คำปรึกษา"],
        "vi": ["Đường dây tư vấn"],
        "ms": ["Talian nasihat"],
        "id": ["Saluran konsultasi"],
    },
    "identification_screening": {
        "en": ["Victim identification interviews", "Screening and first assessment"],
        "th": ["การคัดแยกผู้เสียหาย", "การคัดกรองและประเมินเบื้องต้น"],
        "vi": ["Phỏng vấn nhận diện nạn nhân", "Sàng lọc và đánh giá ban đầu"],
        "ms": ["Temu bual pengenalpastian mangsa", "Saringan dan penilaian awal"],
        "id": ["Wawancara identifikasi korban", "Skrining dan asesmen awal"],
    },
    "emergency_shelter": {
        "en": ["Emergency shelter", "Safe house", "Crisis shelter"],
        "th": ["บ้านพักฉุกเฉิน", "บ้านพักปลอดภัย"],
        "vi": ["Nhà tạm lánh khẩn cấp", "Nhà an toàn"],
        "ms": ["Rumah perlindungan kecemasan", "Rumah selamat"],
        "id": ["Rumah aman", "Penampungan darurat"],
    },
    "long_term_housing": {
        "en": ["Transitional home", "Longer-term supported housing"],
        "th": ["บ้านพักระยะยาว", "บ้านพักเปลี่ยนผ่าน"],
        "vi": ["Nhà ở chuyển tiếp", "Nhà ở dài hạn có hỗ trợ"],
        "ms": ["Rumah transisi", "Perumahan jangka panjang bersokongan"],
        "id": ["Rumah transisi", "Hunian jangka panjang dengan pendampingan"],
    },
    "material_assistance": {
        "en": ["Drop-in centre with food and clothing", "Emergency relief packs"],
        "th": ["ศูนย์แวะพักพร้อมอาหารและเสื้อผ้า", "ถุงยังชีพฉุกเฉิน"],
        "vi": ["Điểm hỗ trợ thực phẩm và quần áo", "Túi hỗ trợ khẩn cấp"],
        "ms": ["Pusat singgah makanan dan pakaian", "Pek bantuan kecemasan"],
        "id": ["Posko makanan dan pakaian", "Paket bantuan darurat"],
    },
    "medical_care": {
        "en": ["Medical clinic", "Health check and treatment"],
        "th": ["คลินิกรักษาพยาบาล", "ตรวจสุขภาพและรักษาพยาบาล"],
        "vi": ["Phòng khám sức khỏe", "Khám và điều trị"],
        "ms": ["Klinik perubatan", "Pemeriksaan dan rawatan kesihatan"],
        "id": ["Klinik kesehatan", "Pemeriksaan dan pengobatan"],
    },
    "mental_health": {
        "en": ["Counselling and psychosocial support", "Trauma counselling"],
        "th": ["การให้คำปรึกษาและฟื้นฟูจิตใจ", "การบำบัดฟื้นฟูจากบาดแผลทางใจ"],
        "vi": ["Tư vấn và hỗ trợ tâm lý", "Tư vấn sang chấn tâm lý"],
        "ms": ["Kaunseling dan sokongan psikososial", "Kaunseling trauma"],
        "id": ["Konseling dan dukungan psikososial", "Konseling trauma"],
    },
    "legal_aid": {
        "en": ["Legal advice clinic", "Free legal aid"],
        "th": ["คลินิกให้คำปรึกษากฎหมาย", "ความช่วยเหลือทางกฎหมายฟรี"],
        "vi": ["Phòng tư vấn pháp lý", "Trợ giúp pháp lý miễn phí"],
        "ms": ["Klinik nasihat guaman", "Bantuan guaman percuma"],
        "id": ["Klinik konsultasi hukum", "Bantuan hukum gratis"],
    },
    "interpretation": {
        "en": ["Interpreting service", "Phone interpreting"],
        "th": ["บริการล่าม", "ล่ามทางโทรศัพท์"],
        "vi": ["Dịch vụ phiên dịch", "Phiên dịch qua điện thoại"],
        "ms": ["Khidmat jurubahasa", "Jurubahasa melalui telefon"],
        "id": ["Layanan juru bahasa", "Juru bahasa lewat telepon"],
    },
    "case_management": {
        "en": ["Case management", "Caseworker support"],
        "th": ["การจัดการรายกรณี", "นักสังคมสงเคราะห์ดูแลรายกรณี"],
        "vi": ["Quản lý trường hợp", "Hỗ trợ của cán bộ phụ trách"],
        "ms": ["Pengurusan kes", "Sokongan pegawai kes"],
        "id": ["Manajemen kasus", "Pendampingan kasus"],
    },
    "identity_documents": {
        "en": ["Help with identity documents", "Passport and ID replacement"],
        "th": ["ช่วยเหลือด้านเอกสารประจำตัว", "ทำหนังสือเดินทางและบัตรใหม่"],
        "vi": ["Hỗ trợ giấy tờ tùy thân", "Làm lại hộ chiếu và căn cước"],
        "ms": ["Bantuan dokumen pengenalan", "Penggantian pasport dan kad pengenalan"],
        "id": ["Bantuan dokumen identitas", "Pengurusan ulang paspor dan KTP"],
    },
    "immigration_status": {
        "en": ["Immigration and visa advice", "Temporary stay permits"],
        "th": ["คำปรึกษาด้านการเข้าเมืองและวีซ่า", "ช่วยขออนุญาตอยู่ชั่วคราว"],
        "vi": ["Tư vấn di trú và thị thực", "Hỗ trợ xin phép lưu trú tạm thời"],
        "ms": ["Nasihat imigresen dan visa", "Permit tinggal sementara"],
        "id": ["Konsultasi keimigrasian dan visa", "Izin tinggal sementara"],
    },
    "law_enforcement_support": {
        "en": ["Police reporting and court support", "Victim-witness support"],
        "th": ["ช่วยแจ้งความและสนับสนุนในชั้นศาล", "การช่วยเหลือผู้เสียหายและพยาน"],
        "vi": ["Hỗ trợ trình báo và ra tòa", "Hỗ trợ nạn nhân và nhân chứng"],
        "ms": ["Sokongan laporan polis dan mahkamah", "Sokongan mangsa dan saksi"],
        "id": ["Pendampingan lapor polisi dan sidang", "Pendampingan korban dan saksi"],
    },
    "safety_planning": {
        "en": ["Safety planning", "Risk assessment and safety support"],
        "th": ["การวางแผนความปลอดภัย", "การประเมินความเสี่ยงและความปลอดภัย"],
        "vi": ["Lập kế hoạch an toàn", "Đánh giá rủi ro và hỗ trợ an toàn"],
        "ms": ["Perancangan keselamatan", "Penilaian risiko dan sokongan keselamatan"],
        "id": ["Perencanaan keselamatan", "Penilaian risiko dan dukungan keamanan"],
    },
    "child_protection": {
        "en": ["Child protection and guardianship", "Child protection team"],
        "th": ["การคุ้มครองเด็กและผู้ปกครองแทน", "ทีมคุ้มครองเด็ก"],
        "vi": ["Bảo vệ trẻ em và giám hộ", "Nhóm bảo vệ trẻ em"],
        "ms": ["Perlindungan dan penjagaan kanak-kanak", "Pasukan perlindungan kanak-kanak"],
        "id": ["Perlindungan anak dan perwalian", "Tim perlindungan anak"],
    },
    "family_tracing": {
        "en": ["Family tracing", "Family tracing and reunification"],
        "th": ["การติดตามครอบครัว", "ติดตามและรวมครอบครัว"],
        "vi": ["Tìm kiếm người thân", "Tìm kiếm và đoàn tụ gia đình"],
        "ms": ["Pengesanan keluarga", "Pengesanan dan penyatuan semula keluarga"],
        "id": ["Penelusuran keluarga", "Penelusuran dan penyatuan keluarga"],
    },
    "safe_return": {
        "en": ["Safe return and reception", "Voluntary return assistance"],
        "th": ["การส่งกลับและรับตัวอย่างปลอดภัย", "ช่วยเหลือการเดินทางกลับโดยสมัครใจ"],
        "vi": ["Hồi hương và tiếp nhận an toàn", "Hỗ trợ trở về tự nguyện"],
        "ms": ["Kepulangan selamat dan sambutan", "Bantuan pulang secara sukarela"],
        "id": ["Pemulangan dan penjemputan aman", "Bantuan pemulangan sukarela"],
    },
    "financial_assistance": {
        "en": ["Emergency cash assistance", "Start-up grants"],
        "th": ["เงินช่วยเหลือฉุกเฉิน", "ทุนตั้งต้นชีวิตใหม่"],
        "vi": ["Hỗ trợ tiền mặt khẩn cấp", "Vốn khởi đầu"],
        "ms": ["Bantuan tunai kecemasan", "Geran permulaan"],
        "id": ["Bantuan tunai darurat", "Bantuan modal usaha"],
    },
    "education": {
        "en": ["Back-to-school support", "Literacy and catch-up classes"],
        "th": ["ทุนและการสนับสนุนให้กลับไปเรียน", "ชั้นเรียนการอ่านเขียนและเรียนเสริม"],
        "vi": ["Hỗ trợ đi học lại", "Lớp xóa mù chữ và học bù"],
        "ms": ["Sokongan kembali ke sekolah", "Kelas literasi dan kelas tambahan"],
        "id": ["Dukungan kembali bersekolah", "Kelas literasi dan kejar paket"],
    },
    "vocational_training": {
        "en": ["Vocational training", "Skills training courses"],
        "th": ["การฝึกอาชีพ", "หลักสูตรฝึกทักษะ"],
        "vi": ["Đào tạo nghề", "Các khóa học kỹ năng"],
        "ms": ["Latihan vokasional", "Kursus latihan kemahiran"],
        "id": ["Pelatihan vokasi", "Kursus keterampilan"],
    },
    "employment": {
        "en": ["Job placement", "Livelihood support"],
        "th": ["จัดหางาน", "ส่งเสริมอาชีพ"],
        "vi": ["Giới thiệu việc làm", "Hỗ trợ sinh kế"],
        "ms": ["Penempatan pekerjaan", "Sokongan mata pencarian"],
        "id": ["Penyaluran kerja", "Dukungan mata pencaharian"],
    },
    "community_reintegration": {
        "en": ["Family and community reintegration", "Peer support and family mediation"],
        "th": ["การคืนสู่ครอบครัวและชุมชน", "กลุ่มเพื่อนช่วยเพื่อนและการไกล่เกลี่ยครอบครัว"],
        "vi": ["Tái hòa nhập gia đình và cộng đồng", "Nhóm đồng đẳng và hòa giải gia đình"],
        "ms": ["Integrasi semula keluarga dan komuniti", "Sokongan rakan sebaya dan pengantaraan"],
        "id": ["Reintegrasi keluarga dan masyarakat", "Dukungan sebaya dan mediasi keluarga"],
    },
    "remedies_compensation": {
        "en": ["Wage and compensation claims", "Restitution claims"],
        "th": ["เรียกร้องค่าจ้างและค่าชดเชย", "ช่วยเรียกค่าสินไหมทดแทน"],
        "vi": ["Đòi lương và bồi thường", "Hỗ trợ yêu cầu bồi thường"],
        "ms": ["Tuntutan gaji dan pampasan", "Tuntutan pampasan"],
        "id": ["Tuntutan upah dan ganti rugi", "Pengajuan restitusi"],
    },
    "transport": {
        "en": ["Safe transport", "Escort and travel support"],
        "th": ["บริการรับส่งอย่างปลอดภัย", "ค่าเดินทางและเจ้าหน้าที่ติดตาม"],
        "vi": ["Đưa đón an toàn", "Hỗ trợ đi lại và người đi cùng"],
        "ms": ["Pengangkutan selamat", "Pengiring dan bantuan perjalanan"],
        "id": ["Antar-jemput aman", "Bantuan perjalanan dan pendamping"],
    },
}

# --------------------------------------------------------------------------- what it is
WHAT = {
    "hotline": {
        "en": [
            "A free phone line where trained staff listen, give advice and connect you to help.",
            "Call this number if you or someone you know is being forced to work, cannot "
            "leave or was tricked about a job.",
            "A helpline for anyone who needs advice about trafficking, exploitation or "
            "unsafe work.",
        ],
        "th": [
            "สายโทรฟรี มีเจ้าหน้าที่ที่ผ่านการอบรมคอยรับฟัง ให้คำแนะนำ และส่งต่อคุณไปยังหน่วยที่ช่วยเหลือได้",
            "โทรหมายเลขนี้หากคุณหรือคนที่คุณรู้จักถูกบังคับให้ทำงาน ออกมาไม่ได้ หรือถูกหลอกเรื่องงาน",
        ],
        "vi": [
            "Đường dây miễn phí, có nhân viên được đào tạo lắng nghe, tư vấn và kết nối "
            "bạn với nơi hỗ trợ.",
            "Hãy gọi số này nếu bạn hoặc người quen bị ép làm việc, không được tự do rời "
            "đi hoặc bị lừa về việc làm.",
        ],
        "ms": [
            "Talian percuma dengan kakitangan terlatih yang mendengar, memberi nasihat dan "
            "menghubungkan anda dengan bantuan.",
            "Hubungi nombor ini jika anda atau orang yang anda kenali dipaksa bekerja, "
            "tidak dibenarkan keluar atau ditipu tentang pekerjaan.",
        ],
        "id": [
            "Saluran telepon gratis dengan petugas terlatih yang mendengarkan, memberi "
            "saran, dan menghubungkan Anda dengan bantuan.",
            "Hubungi nomor ini jika Anda atau orang yang Anda kenal dipaksa bekerja, "
            "tidak boleh pergi, atau ditipu soal pekerjaan.",
        ],
    },
    "identification_screening": {
        "en": [
            "Staff talk with you privately to understand what happened and whether you can "
            "be recognised as a victim of trafficking.",
            "A confidential interview that helps decide what protection and support you "
            "are entitled to.",
            "Screening by trained staff, so that you get the protection the law gives to "
            "victims of trafficking.",
        ],
        "th": [
            "เจ้าหน้าที่จะพูดคุยกับคุณเป็นการส่วนตัว เพื่อเข้าใจว่าเกิดอะไรขึ้น "
            "และคุณเข้าข่ายเป็นผู้เสียหายจากการค้ามนุษย์หรือไม่",
            "การสัมภาษณ์ที่เก็บเป็นความลับ เพื่อพิจารณาว่าคุณมีสิทธิได้รับการคุ้มครองและความช่วยเหลืออะไรบ้าง",
        ],
        "vi": [
            "Nhân viên trò chuyện riêng với bạn để hiểu chuyện đã xảy ra và xác định bạn "
            "có phải là nạn nhân bị mua bán hay không.",
            "Một buổi phỏng vấn được giữ bí mật, giúp xác định bạn được hưởng những hình "
            "thức bảo vệ và hỗ trợ nào.",
        ],
        "ms": [
            "Kakitangan bercakap dengan anda secara peribadi untuk memahami apa yang "
            "berlaku dan sama ada anda boleh diiktiraf sebagai mangsa pemerdagangan orang.",
            "Temu bual sulit untuk menentukan perlindungan dan sokongan yang berhak anda terima.",
        ],
        "id": [
            "Petugas berbicara dengan Anda secara pribadi untuk memahami apa yang terjadi "
            "dan apakah Anda dapat diakui sebagai korban perdagangan orang.",
            "Wawancara rahasia untuk menentukan perlindungan dan bantuan yang menjadi hak Anda.",
        ],
    },
    "emergency_shelter": {
        "en": [
            "A safe place to sleep right away, with meals, clothes and staff on duty day "
            "and night.",
            "Short-term safe accommodation while you rest, see a doctor and decide what to "
            "do next.",
            "A protected shelter where you can stay for the first days or weeks after "
            "leaving a dangerous situation.",
        ],
        "th": [
            "ที่พักปลอดภัยที่เข้าพักได้ทันที มีอาหาร เสื้อผ้า และเจ้าหน้าที่ดูแลทั้งกลางวันและกลางคืน",
            "ที่พักชั่วคราวที่ปลอดภัย ระหว่างที่คุณพักฟื้น พบแพทย์ และตัดสินใจว่าจะทำอะไรต่อ",
        ],
        "vi": [
            "Nơi ngủ an toàn ngay lập tức, có bữa ăn, quần áo và nhân viên trực cả ngày lẫn đêm.",
            "Chỗ ở tạm thời an toàn trong lúc bạn nghỉ ngơi, khám sức khỏe và quyết định "
            "bước tiếp theo.",
        ],
        "ms": [
            "Tempat tidur yang selamat dengan segera, dengan makanan, pakaian dan "
            "kakitangan yang bertugas siang dan malam.",
            "Penginapan sementara yang selamat semasa anda berehat, berjumpa doktor dan "
            "memutuskan langkah seterusnya.",
        ],
        "id": [
            "Tempat tidur yang aman saat itu juga, dengan makanan, pakaian, dan petugas "
            "yang berjaga siang dan malam.",
            "Tempat tinggal sementara yang aman selagi Anda beristirahat, berobat, dan "
            "memutuskan langkah berikutnya.",
        ],
    },
    "long_term_housing": {
        "en": [
            "A home for several months while you recover, study or prepare for work.",
            "Supported housing for people who cannot yet go home, with a caseworker who "
            "visits regularly.",
            "Transitional accommodation with help to plan your next steps towards living "
            "on your own.",
        ],
        "th": [
            "ที่พักอาศัยเป็นเวลาหลายเดือน ระหว่างที่คุณฟื้นฟู เรียนหนังสือ หรือเตรียมตัวทำงาน",
            "บ้านพักที่มีผู้ดูแลสำหรับผู้ที่ยังกลับบ้านไม่ได้ โดยมีนักสังคมสงเคราะห์มาเยี่ยมสม่ำเสมอ",
        ],
        "vi": [
            "Một mái nhà trong vài tháng khi bạn hồi phục, đi học hoặc chuẩn bị đi làm.",
            "Nhà ở có hỗ trợ cho những người chưa thể về nhà, có cán bộ xã hội thường "
            "xuyên đến thăm.",
        ],
        "ms": [
            "Tempat tinggal selama beberapa bulan semasa anda pulih, belajar atau bersedia "
            "untuk bekerja.",
            "Perumahan bersokongan untuk mereka yang belum boleh pulang, dengan pegawai "
            "kes yang kerap melawat.",
        ],
        "id": [
            "Tempat tinggal selama beberapa bulan selagi Anda pulih, bersekolah, atau "
            "bersiap untuk bekerja.",
            "Hunian dengan pendampingan bagi yang belum bisa pulang, dengan pendamping "
            "kasus yang rutin berkunjung.",
        ],
    },
    "material_assistance": {
        "en": [
            "Food, clothes, hygiene kits and other basic items, free of charge.",
            "Emergency packs with food, clothing and toiletries for people who have just "
            "left exploitation.",
            "Help with everyday needs such as food, clothes, a phone card and baby supplies.",
        ],
        "th": [
            "อาหาร เสื้อผ้า ชุดของใช้ส่วนตัว และสิ่งของจำเป็นอื่น ๆ โดยไม่มีค่าใช้จ่าย",
            "ถุงยังชีพฉุกเฉินที่มีอาหาร เสื้อผ้า และของใช้ส่วนตัว สำหรับผู้ที่เพิ่งออกมาจากการถูกแสวงประโยชน์",
        ],
        "vi": [
            "Thực phẩm, quần áo, bộ đồ vệ sinh cá nhân và các nhu yếu phẩm khác, hoàn "
            "toàn miễn phí.",
            "Túi hỗ trợ khẩn cấp gồm thực phẩm, quần áo và đồ dùng cá nhân cho người vừa "
            "thoát khỏi cảnh bị bóc lột.",
        ],
        "ms": [
            "Makanan, pakaian, kit kebersihan dan barang keperluan asas lain, secara percuma.",
            "Pek kecemasan berisi makanan, pakaian dan barang mandian untuk mereka yang "
            "baru keluar daripada eksploitasi.",
        ],
        "id": [
            "Makanan, pakaian, perlengkapan kebersihan, dan kebutuhan dasar lainnya, tanpa biaya.",
            "Paket darurat berisi makanan, pakaian, dan perlengkapan mandi bagi yang baru "
            "keluar dari situasi eksploitasi.",
        ],
    },
    "medical_care": {
        "en": [
            "Health check-ups and treatment by doctors and nurses who keep your "
            "information confidential.",
            "Medical care for injuries, illness, pregnancy and sexual health, without judgement.",
            "A clinic where you can see a doctor, get medicines and be referred to "
            "hospital if needed.",
        ],
        "th": [
            "ตรวจสุขภาพและรักษาโดยแพทย์และพยาบาล ซึ่งเก็บข้อมูลของคุณเป็นความลับ",
            "การรักษาอาการบาดเจ็บ ความเจ็บป่วย การตั้งครรภ์ และสุขภาพทางเพศ โดยไม่ตัดสินคุณ",
        ],
        "vi": [
            "Khám và chữa bệnh bởi bác sĩ, y tá, những người giữ bí mật thông tin của bạn.",
            "Chăm sóc y tế cho chấn thương, bệnh tật, thai sản và sức khỏe tình dục, "
            "không phán xét.",
        ],
        "ms": [
            "Pemeriksaan dan rawatan kesihatan oleh doktor dan jururawat yang merahsiakan "
            "maklumat anda.",
            "Rawatan untuk kecederaan, penyakit, kehamilan dan kesihatan seksual, tanpa "
            "menghakimi.",
        ],
        "id": [
            "Pemeriksaan dan pengobatan oleh dokter dan perawat yang menjaga kerahasiaan "
            "data Anda.",
            "Perawatan untuk luka, penyakit, kehamilan, dan kesehatan seksual, tanpa menghakimi.",
        ],
    },
    "mental_health": {
        "en": [
            "Counselling with a trained person who listens and helps you cope with "
            "stress, fear and bad memories.",
            "Individual and group sessions to help you feel safer, sleep better and "
            "regain confidence.",
            "Psychological support in your language, at your own pace.",
        ],
        "th": [
            "การให้คำปรึกษากับผู้ที่ผ่านการอบรม ซึ่งรับฟังและช่วยให้คุณรับมือกับ"
            "ความเครียด ความกลัว และความทรงจำที่เจ็บปวด",
            "กิจกรรมรายบุคคลและกลุ่ม ช่วยให้คุณรู้สึกปลอดภัยขึ้น นอนหลับได้ดีขึ้น และมีความมั่นใจกลับคืนมา",
        ],
        "vi": [
            "Tư vấn với người được đào tạo, biết lắng nghe và giúp bạn vượt qua căng "
            "thẳng, sợ hãi và ký ức đau buồn.",
            "Các buổi hỗ trợ cá nhân và nhóm giúp bạn cảm thấy an toàn hơn, ngủ ngon hơn "
            "và lấy lại sự tự tin.",
        ],
        "ms": [
            "Kaunseling bersama orang terlatih yang mendengar dan membantu anda menghadapi "
            "tekanan, ketakutan dan kenangan pahit.",
            "Sesi individu dan berkumpulan untuk membantu anda berasa lebih selamat, tidur "
            "lebih lena dan kembali yakin.",
        ],
        "id": [
            "Konseling dengan orang terlatih yang mendengarkan dan membantu Anda "
            "menghadapi stres, rasa takut, dan kenangan buruk.",
            "Sesi pribadi dan kelompok untuk membantu Anda merasa lebih aman, tidur lebih "
            "nyenyak, dan kembali percaya diri.",
        ],
    },
    "legal_aid": {
        "en": [
            "Free advice from lawyers on your rights and the choices you have.",
            "Lawyers explain the law in plain words and can represent you with the "
            "police, courts or employers.",
            "Legal help with complaints, cases and claims, from a first consultation to "
            "the end of a court case.",
        ],
        "th": [
            "คำปรึกษาฟรีจากทนายความเรื่องสิทธิของคุณและทางเลือกที่คุณมี",
            "ทนายความอธิบายกฎหมายด้วยภาษาที่เข้าใจง่าย และช่วยดำเนินการแทนคุณกับตำรวจ ศาล หรือนายจ้างได้",
        ],
        "vi": [
            "Tư vấn miễn phí từ luật sư về quyền của bạn và những lựa chọn bạn có.",
            "Luật sư giải thích pháp luật bằng lời dễ hiểu và có thể đại diện cho bạn khi "
            "làm việc với công an, tòa án hoặc chủ sử dụng lao động.",
        ],
        "ms": [
            "Nasihat percuma daripada peguam tentang hak anda dan pilihan yang ada.",
            "Peguam menerangkan undang-undang dengan bahasa mudah dan boleh mewakili anda "
            "di hadapan polis, mahkamah atau majikan.",
        ],
        "id": [
            "Konsultasi gratis dengan pengacara tentang hak-hak Anda dan pilihan yang Anda miliki.",
            "Pengacara menjelaskan hukum dengan bahasa sederhana dan dapat mendampingi "
            "Anda di kepolisian, di pengadilan, atau saat berhadapan dengan majikan.",
        ],
    },
    "interpretation": {
        "en": [
            "Interpreters who help you talk with police, doctors, lawyers and shelter staff.",
            "Interpreting by phone or in person, so that you can understand and be understood.",
            "Trained interpreters who keep what you say confidential.",
        ],
        "th": [
            "ล่ามช่วยให้คุณพูดคุยกับตำรวจ แพทย์ ทนายความ และเจ้าหน้าที่บ้านพัก",
            "บริการล่ามทางโทรศัพท์หรือแบบพบตัว เพื่อให้คุณเข้าใจและสื่อสารได้",
        ],
        "vi": [
            "Phiên dịch viên giúp bạn trao đổi với công an, bác sĩ, luật sư và nhân viên "
            "nhà tạm lánh.",
            "Phiên dịch qua điện thoại hoặc trực tiếp, để bạn hiểu và được hiểu.",
        ],
        "ms": [
            "Jurubahasa membantu anda bercakap dengan polis, doktor, peguam dan kakitangan "
            "rumah perlindungan.",
            "Khidmat jurubahasa melalui telefon atau secara bersemuka, supaya anda faham "
            "dan difahami.",
        ],
        "id": [
            "Juru bahasa membantu Anda berbicara dengan polisi, dokter, pengacara, dan "
            "petugas rumah aman.",
            "Penerjemahan lisan lewat telepon atau tatap muka, agar Anda memahami dan dipahami.",
        ],
    },
    "case_management": {
        "en": [
            "One caseworker works with you to make a plan and arranges the services you need.",
            "A caseworker stays in touch with you, follows up your referrals and helps "
            "solve problems along the way.",
            "Personal support from the first meeting until you are settled and safe.",
        ],
        "th": [
            "นักสังคมสงเคราะห์หนึ่งคนทำงานร่วมกับคุณเพื่อวางแผน และประสานบริการที่คุณต้องการ",
            "เจ้าหน้าที่ผู้ดูแลรายกรณีติดต่อคุณอย่างต่อเนื่อง ติดตามการส่งต่อ และช่วยแก้ปัญหาที่เกิดขึ้น",
        ],
        "vi": [
            "Một cán bộ phụ trách cùng bạn lập kế hoạch và sắp xếp các dịch vụ bạn cần.",
            "Cán bộ giữ liên lạc với bạn, theo dõi các lần chuyển gửi và giúp giải quyết khó khăn.",
        ],
        "ms": [
            "Seorang pegawai kes bekerjasama dengan anda untuk membuat pelan dan mengatur "
            "perkhidmatan yang anda perlukan.",
            "Pegawai kes sentiasa berhubung dengan anda, memantau rujukan dan membantu "
            "menyelesaikan masalah.",
        ],
        "id": [
            "Seorang pendamping kasus bekerja bersama Anda untuk menyusun rencana dan "
            "mengatur layanan yang Anda butuhkan.",
            "Pendamping kasus tetap berhubungan dengan Anda, memantau rujukan, dan "
            "membantu menyelesaikan masalah.",
        ],
    },
    "identity_documents": {
        "en": [
            "Help to replace a lost or confiscated passport, ID card or birth certificate.",
            "Staff help you contact embassies and offices to get new identity or travel documents.",
            "Support to prove who you are and get the papers you need to travel or work.",
        ],
        "th": [
            "ช่วยทำหนังสือเดินทาง บัตรประจำตัว หรือสูติบัตรใหม่ ในกรณีที่สูญหายหรือถูกยึดไป",
            "เจ้าหน้าที่ช่วยคุณติดต่อสถานทูตและหน่วยงานต่าง ๆ เพื่อขอเอกสารประจำตัวหรือเอกสารเดินทางใหม่",
        ],
        "vi": [
            "Hỗ trợ làm lại hộ chiếu, căn cước hoặc giấy khai sinh bị mất hoặc bị giữ.",
            "Nhân viên giúp bạn liên hệ đại sứ quán và cơ quan chức năng để được cấp giấy "
            "tờ tùy thân hoặc giấy tờ đi lại mới.",
        ],
        "ms": [
            "Bantuan untuk menggantikan pasport, kad pengenalan atau sijil kelahiran yang "
            "hilang atau dirampas.",
            "Kakitangan membantu anda menghubungi kedutaan dan pejabat berkaitan untuk "
            "mendapatkan dokumen pengenalan atau perjalanan baharu.",
        ],
        "id": [
            "Bantuan mengurus paspor, KTP, atau akta kelahiran yang hilang atau ditahan "
            "orang lain.",
            "Petugas membantu Anda menghubungi kedutaan dan kantor terkait untuk "
            "mendapatkan dokumen identitas atau dokumen perjalanan baru.",
        ],
    },
    "immigration_status": {
        "en": [
            "Advice and help to stay in the country legally while you recover or take "
            "part in a case.",
            "Help to apply for permission to stay and work, including a period to rest and decide.",
            "Information on your visa or permit options if you were trafficked into this country.",
        ],
        "th": [
            "คำแนะนำและความช่วยเหลือให้คุณอยู่ในประเทศได้อย่างถูกกฎหมาย ระหว่างพักฟื้นหรือระหว่างดำเนินคดี",
            "ช่วยยื่นขออนุญาตอยู่และทำงานชั่วคราว รวมถึงระยะเวลาให้พักและตัดสินใจ",
        ],
        "vi": [
            "Tư vấn và hỗ trợ để bạn được ở lại hợp pháp trong thời gian hồi phục hoặc "
            "tham gia vụ án.",
            "Hỗ trợ xin phép lưu trú và làm việc, kể cả thời gian để nghỉ ngơi và suy nghĩ.",
        ],
        "ms": [
            "Nasihat dan bantuan untuk tinggal di negara ini secara sah semasa anda pulih "
            "atau terlibat dalam kes mahkamah.",
            "Bantuan memohon kebenaran untuk tinggal dan bekerja, termasuk tempoh untuk "
            "berehat dan membuat keputusan.",
        ],
        "id": [
            "Saran dan bantuan agar Anda bisa tinggal secara sah selama masa pemulihan "
            "atau selama proses hukum.",
            "Bantuan mengajukan izin tinggal dan bekerja, termasuk waktu untuk "
            "beristirahat dan mengambil keputusan.",
        ],
    },
    "law_enforcement_support": {
        "en": [
            "Support to report what happened to the police, if and when you choose to.",
            "Someone goes with you to the police and to court and explains each step.",
            "Help for victims and witnesses during investigations and trials, including "
            "protection measures.",
        ],
        "th": [
            "ความช่วยเหลือในการแจ้งความกับตำรวจ หากคุณเลือกที่จะแจ้งและเมื่อคุณพร้อม",
            "มีเจ้าหน้าที่ไปเป็นเพื่อนคุณที่สถานีตำรวจและศาล และอธิบายแต่ละขั้นตอน",
        ],
        "vi": [
            "Hỗ trợ bạn trình báo sự việc với công an, nếu và khi bạn muốn.",
            "Có người đi cùng bạn đến cơ quan công an và tòa án, giải thích từng bước.",
        ],
        "ms": [
            "Sokongan untuk melaporkan apa yang berlaku kepada polis, jika dan apabila "
            "anda memilih untuk berbuat demikian.",
            "Seseorang akan menemani anda ke balai polis dan mahkamah serta menerangkan "
            "setiap langkah.",
        ],
        "id": [
            "Dukungan untuk melaporkan apa yang terjadi kepada polisi, jika dan ketika "
            "Anda memilih untuk melapor.",
            "Pendamping menemani Anda ke kantor polisi dan pengadilan serta menjelaskan "
            "setiap tahapannya.",
        ],
    },
    "safety_planning": {
        "en": [
            "Help to make a plan to stay safe from people who exploited or threaten you.",
            "Staff assess risks with you and agree practical steps to keep you and your "
            "family safe.",
            "Advice on safe phones, safe routes and who to call in an emergency.",
        ],
        "th": [
            "ช่วยวางแผนให้คุณปลอดภัยจากคนที่เคยแสวงประโยชน์หรือข่มขู่คุณ",
            "เจ้าหน้าที่ประเมินความเสี่ยงร่วมกับคุณ และตกลงวิธีปฏิบัติเพื่อให้คุณและครอบครัวปลอดภัย",
        ],
        "vi": [
            "Giúp bạn lập kế hoạch để an toàn trước những kẻ đã bóc lột hoặc đe dọa bạn.",
            "Nhân viên cùng bạn đánh giá rủi ro và thống nhất các bước cụ thể để bảo vệ "
            "bạn và gia đình.",
        ],
        "ms": [
            "Bantuan membuat pelan untuk kekal selamat daripada orang yang "
            "mengeksploitasi atau mengugut anda.",
            "Kakitangan menilai risiko bersama anda dan bersetuju tentang langkah "
            "praktikal untuk melindungi anda dan keluarga.",
        ],
        "id": [
            "Bantuan menyusun rencana agar Anda tetap aman dari orang yang mengeksploitasi "
            "atau mengancam Anda.",
            "Petugas menilai risiko bersama Anda dan menyepakati langkah nyata untuk "
            "melindungi Anda dan keluarga.",
        ],
    },
    "child_protection": {
        "en": [
            "Protection and care for children under 18, with social workers trained to "
            "work with children.",
            "A guardian and a social worker make sure each child is safe and that "
            "decisions are in the child's best interests.",
            "Support for children and their families, including safe care when a child "
            "cannot go home.",
        ],
        "th": [
            "การคุ้มครองและดูแลเด็กอายุต่ำกว่า 18 ปี โดยนักสังคมสงเคราะห์ที่ผ่านการอบรมเรื่องการทำงานกับเด็ก",
            "ผู้ปกครองและนักสังคมสงเคราะห์ดูแลให้เด็กแต่ละคนปลอดภัย "
            "และการตัดสินใจทุกอย่างเป็นไปเพื่อประโยชน์สูงสุดของเด็ก",
        ],
        "vi": [
            "Bảo vệ và chăm sóc trẻ em dưới 18 tuổi, với cán bộ xã hội được đào tạo để "
            "làm việc với trẻ em.",
            "Người giám hộ và cán bộ xã hội bảo đảm mỗi em được an toàn và mọi quyết định "
            "đều vì lợi ích tốt nhất của trẻ.",
        ],
        "ms": [
            "Perlindungan dan penjagaan untuk kanak-kanak bawah 18 tahun oleh pegawai "
            "kebajikan yang terlatih bekerja dengan kanak-kanak.",
            "Penjaga dan pegawai kebajikan memastikan setiap kanak-kanak selamat dan "
            "setiap keputusan dibuat demi kepentingan terbaik kanak-kanak.",
        ],
        "id": [
            "Perlindungan dan pengasuhan bagi anak di bawah 18 tahun oleh pekerja sosial "
            "yang terlatih menangani anak.",
            "Wali dan pekerja sosial memastikan setiap anak aman dan setiap keputusan "
            "diambil demi kepentingan terbaik anak.",
        ],
    },
    "family_tracing": {
        "en": [
            "Help to find family members and get back in touch safely.",
            "Staff trace relatives, check that going back is safe and prepare the family "
            "for your return.",
            "Tracing of parents and relatives across borders, with your consent.",
        ],
        "th": [
            "ช่วยตามหาสมาชิกในครอบครัว และกลับมาติดต่อกันได้อย่างปลอดภัย",
            "เจ้าหน้าที่ติดตามญาติ ตรวจสอบว่าการกลับไปนั้นปลอดภัย และเตรียมครอบครัวให้พร้อมรับคุณกลับ",
        ],
        "vi": [
            "Giúp tìm người thân và liên lạc lại một cách an toàn.",
            "Nhân viên tìm kiếm người thân, kiểm tra việc trở về có an toàn không và "
            "chuẩn bị cho gia đình đón bạn.",
        ],
        "ms": [
            "Bantuan untuk mencari ahli keluarga dan berhubung semula dengan selamat.",
            "Kakitangan mengesan saudara-mara, memastikan kepulangan anda selamat dan "
            "menyediakan keluarga untuk menerima anda.",
        ],
        "id": [
            "Bantuan menemukan anggota keluarga dan kembali berhubungan dengan aman.",
            "Petugas melacak kerabat, memastikan kepulangan Anda aman, dan menyiapkan "
            "keluarga untuk menyambut Anda.",
        ],
    },
    "safe_return": {
        "en": [
            "Help to go home safely, with travel documents, tickets and someone to meet "
            "you on arrival.",
            "Safe and voluntary return to your home country or province, when you are ready.",
            "Reception on arrival at the border or airport, and a safe journey to your home area.",
        ],
        "th": [
            "ช่วยให้คุณกลับบ้านอย่างปลอดภัย ทั้งเอกสารเดินทาง ตั๋ว และมีคนรอรับเมื่อถึงปลายทาง",
            "การเดินทางกลับประเทศหรือกลับภูมิลำเนาอย่างปลอดภัยและด้วยความสมัครใจ เมื่อคุณพร้อม",
        ],
        "vi": [
            "Hỗ trợ bạn về nhà an toàn, gồm giấy tờ đi lại, vé và người đón khi bạn đến nơi.",
            "Trở về nước hoặc về quê an toàn và tự nguyện, khi bạn đã sẵn sàng.",
        ],
        "ms": [
            "Bantuan untuk pulang dengan selamat, termasuk dokumen perjalanan, tiket dan "
            "orang yang menyambut anda di destinasi.",
            "Kepulangan yang selamat dan secara sukarela ke negara atau kampung halaman "
            "anda, apabila anda sudah bersedia.",
        ],
        "id": [
            "Bantuan pulang dengan aman, termasuk dokumen perjalanan, tiket, dan "
            "penjemputan saat Anda tiba.",
            "Pemulangan yang aman dan sukarela ke negara atau kampung halaman Anda, saat "
            "Anda sudah siap.",
        ],
    },
    "financial_assistance": {
        "en": [
            "Small cash grants to cover urgent needs such as rent, food or medical costs.",
            "Financial help to start again, such as a start-up grant or help with debts.",
            "Money for immediate needs, paid in a way that keeps you safe.",
        ],
        "th": [
            "เงินช่วยเหลือจำนวนเล็กน้อยสำหรับความจำเป็นเร่งด่วน เช่น ค่าเช่า อาหาร หรือค่ารักษาพยาบาล",
            "ความช่วยเหลือด้านการเงินเพื่อเริ่มต้นใหม่ เช่น ทุนตั้งต้นอาชีพหรือช่วยเรื่องหนี้สิน",
        ],
        "vi": [
            "Khoản hỗ trợ tiền mặt nhỏ cho nhu cầu cấp bách như tiền thuê nhà, ăn uống "
            "hoặc chi phí khám chữa bệnh.",
            "Hỗ trợ tài chính để bắt đầu lại, như vốn khởi nghiệp hoặc giúp giải quyết nợ.",
        ],
        "ms": [
            "Bantuan tunai kecil untuk keperluan segera seperti sewa, makanan atau kos perubatan.",
            "Bantuan kewangan untuk memulakan semula, seperti geran permulaan atau bantuan "
            "menyelesaikan hutang.",
        ],
        "id": [
            "Bantuan tunai kecil untuk kebutuhan mendesak seperti sewa, makan, atau biaya berobat.",
            "Bantuan keuangan untuk memulai lagi, seperti modal usaha atau bantuan melunasi utang.",
        ],
    },
    "education": {
        "en": [
            "Help to return to school, catch up on lessons or get a certificate.",
            "Non-formal classes in reading, writing and maths for children and adults.",
            "Scholarships and school supplies so that children can stay in school.",
        ],
        "th": [
            "ช่วยให้กลับไปเรียนหนังสือ เรียนตามให้ทัน หรือได้รับวุฒิการศึกษา",
            "ชั้นเรียนนอกระบบด้านการอ่าน การเขียน และคณิตศาสตร์ สำหรับเด็กและผู้ใหญ่",
        ],
        "vi": [
            "Giúp bạn đi học lại, học bù hoặc lấy bằng cấp.",
            "Lớp học ngoài nhà trường về đọc, viết và làm toán cho trẻ em và người lớn.",
        ],
        "ms": [
            "Bantuan untuk kembali ke sekolah, mengejar pelajaran yang tertinggal atau "
            "mendapatkan sijil.",
            "Kelas tidak formal membaca, menulis dan mengira untuk kanak-kanak dan orang dewasa.",
        ],
        "id": [
            "Bantuan untuk kembali bersekolah, mengejar pelajaran, atau mendapatkan ijazah.",
            "Kelas nonformal membaca, menulis, dan berhitung untuk anak-anak dan orang dewasa.",
        ],
    },
    "vocational_training": {
        "en": [
            "Short courses in skills such as sewing, cooking, hairdressing, motorbike "
            "repair and computer use.",
            "Hands-on skills training with a small allowance, leading to a certificate.",
            "Training to help you earn a living, chosen together with you.",
        ],
        "th": [
            "หลักสูตรระยะสั้น เช่น ตัดเย็บ ทำอาหาร ตัดผม ซ่อมรถจักรยานยนต์ และคอมพิวเตอร์",
            "การฝึกทักษะภาคปฏิบัติพร้อมเบี้ยเลี้ยงเล็กน้อย และได้รับประกาศนียบัตรเมื่อจบหลักสูตร",
        ],
        "vi": [
            "Khóa học ngắn hạn như may mặc, nấu ăn, làm tóc, sửa xe máy và tin học.",
            "Học nghề thực hành có trợ cấp nhỏ và được cấp chứng chỉ khi hoàn thành.",
        ],
        "ms": [
            "Kursus jangka pendek seperti menjahit, memasak, mendandan rambut, membaiki "
            "motosikal dan komputer.",
            "Latihan kemahiran secara amali dengan elaun kecil dan sijil apabila tamat.",
        ],
        "id": [
            "Kursus singkat seperti menjahit, memasak, tata rambut, servis sepeda motor, "
            "dan komputer.",
            "Pelatihan keterampilan praktik dengan uang saku kecil dan sertifikat setelah selesai.",
        ],
    },
    "employment": {
        "en": [
            "Help to find safe work with fair pay and a proper contract.",
            "Job matching, interview practice and follow-up once you start work.",
            "Support to start a small business or find a job near home.",
        ],
        "th": [
            "ช่วยหางานที่ปลอดภัย ได้ค่าจ้างที่เป็นธรรม และมีสัญญาจ้างที่ถูกต้อง",
            "จับคู่งาน ฝึกการสัมภาษณ์ และติดตามผลหลังจากคุณเริ่มทำงาน",
        ],
        "vi": [
            "Giúp bạn tìm việc làm an toàn, lương công bằng và có hợp đồng đàng hoàng.",
            "Giới thiệu việc làm, luyện phỏng vấn và theo dõi sau khi bạn bắt đầu đi làm.",
        ],
        "ms": [
            "Bantuan mencari kerja yang selamat, gaji yang adil dan kontrak yang sah.",
            "Padanan kerja, latihan temu duga dan susulan selepas anda mula bekerja.",
        ],
        "id": [
            "Bantuan mencari pekerjaan yang aman, dengan upah yang adil dan kontrak yang jelas.",
            "Penyaluran kerja, latihan wawancara, dan pendampingan setelah Anda mulai bekerja.",
        ],
    },
    "community_reintegration": {
        "en": [
            "Help to settle back into your family and community, at your own pace.",
            "Family visits and mediation to rebuild trust and reduce stigma.",
            "Peer groups and community activities for people returning home.",
        ],
        "th": [
            "ช่วยให้คุณกลับไปใช้ชีวิตกับครอบครัวและชุมชนได้ตามจังหวะของคุณเอง",
            "การเยี่ยมบ้านและการไกล่เกลี่ยในครอบครัว เพื่อสร้างความไว้วางใจและลดการตีตรา",
        ],
        "vi": [
            "Giúp bạn hòa nhập lại với gia đình và cộng đồng theo nhịp độ của chính bạn.",
            "Thăm gia đình và hòa giải để xây dựng lại lòng tin và giảm kỳ thị.",
        ],
        "ms": [
            "Bantuan untuk kembali hidup bersama keluarga dan komuniti mengikut kesediaan "
            "anda sendiri.",
            "Lawatan keluarga dan pengantaraan untuk membina semula kepercayaan dan "
            "mengurangkan stigma.",
        ],
        "id": [
            "Bantuan untuk kembali hidup bersama keluarga dan masyarakat sesuai kesiapan "
            "Anda sendiri.",
            "Kunjungan keluarga dan mediasi untuk membangun kembali kepercayaan dan "
            "mengurangi stigma.",
        ],
    },
    "remedies_compensation": {
        "en": [
            "Help to claim unpaid wages, compensation or restitution from those who exploited you.",
            "Lawyers help you ask the court or the labour office for compensation.",
            "Advice on what you can claim, and support through the whole process.",
        ],
        "th": [
            "ช่วยเรียกร้องค่าจ้างที่ค้างจ่าย ค่าสินไหมทดแทน หรือค่าเสียหายจากผู้ที่แสวงประโยชน์จากคุณ",
            "ทนายความช่วยยื่นคำร้องต่อศาลหรือสำนักงานแรงงานเพื่อขอค่าชดเชย",
        ],
        "vi": [
            "Giúp bạn đòi tiền lương bị nợ và tiền bồi thường từ những kẻ đã bóc lột bạn.",
            "Luật sư giúp bạn đề nghị tòa án hoặc cơ quan lao động buộc bồi thường.",
        ],
        "ms": [
            "Bantuan menuntut gaji tertunggak dan pampasan daripada mereka yang "
            "mengeksploitasi anda.",
            "Peguam membantu anda memohon pampasan melalui mahkamah atau pejabat buruh.",
        ],
        "id": [
            "Bantuan menuntut upah yang belum dibayar dan restitusi dari orang yang "
            "mengeksploitasi Anda.",
            "Pengacara membantu Anda mengajukan restitusi melalui pengadilan atau ganti "
            "rugi melalui dinas tenaga kerja.",
        ],
    },
    "transport": {
        "en": [
            "Safe transport to shelters, clinics, courts and appointments.",
            "Travel costs and an escort if you need to reach a service.",
            "Pick-up and transport for people who need to leave an unsafe place.",
        ],
        "th": [
            "การเดินทางที่ปลอดภัยไปยังบ้านพัก คลินิก ศาล และการนัดหมายต่าง ๆ",
            "ค่าเดินทางและเจ้าหน้าที่เดินทางไปด้วย หากคุณต้องไปรับบริการ",
        ],
        "vi": [
            "Đưa đón an toàn đến nhà tạm lánh, phòng khám, tòa án và các buổi hẹn.",
            "Chi phí đi lại và người đi cùng nếu bạn cần đến một dịch vụ.",
        ],
        "ms": [
            "Pengangkutan yang selamat ke rumah perlindungan, klinik, mahkamah dan temu janji.",
            "Tambang perjalanan dan pengiring jika anda perlu pergi ke sesuatu perkhidmatan.",
        ],
        "id": [
            "Transportasi yang aman ke rumah aman, klinik, pengadilan, dan janji temu.",
            "Ongkos perjalanan dan pendamping jika Anda perlu datang ke suatu layanan.",
        ],
    },
}
WHAT["advice_line"] = WHAT["hotline"]

# --------------------------------------------------------------------------- audiences
# Who a service is for: eligibility fields, a short suffix for its name and a sentence.
AUDIENCES = {
    "all": {"genders": [], "min_age": None, "max_age": None, "forms": []},
    "women": {"genders": ["female"], "min_age": 18, "max_age": None, "forms": []},
    "women_girls": {"genders": ["female"], "min_age": None, "max_age": None, "forms": []},
    "children": {"genders": [], "min_age": None, "max_age": 17, "forms": []},
    "men": {"genders": ["male"], "min_age": 18, "max_age": None, "forms": []},
    "adults": {"genders": [], "min_age": 18, "max_age": None, "forms": []},
    "migrants": {
        "genders": [],
        "min_age": 18,
        "max_age": None,
        "forms": ["forced_labour", "domestic_servitude"],
    },
    "fishers": {"genders": [], "min_age": 18, "max_age": None, "forms": ["forced_labour"]},
    "scam": {"genders": [], "min_age": 18, "max_age": None, "forms": ["forced_criminality"]},
    "returnees": {"genders": [], "min_age": None, "max_age": None, "forms": []},
    "domestic": {
        "genders": ["female"],
        "min_age": 18,
        "max_age": None,
        "forms": ["domestic_servitude", "forced_labour"],
    },
    "forced_marriage": {
        "genders": ["female"],
        "min_age": None,
        "max_age": None,
        "forms": ["forced_marriage", "sexual"],
    },
    "sexual": {"genders": [], "min_age": None, "max_age": None, "forms": ["sexual"]},
    "online_children": {"genders": [], "min_age": None, "max_age": 17, "forms": ["sexual"]},
    "street_children": {
        "genders": [],
        "min_age": None,
        "max_age": 17,
        "forms": ["begging", "forced_labour", "sexual"],
    },
}

SUFFIX = {
    "women": {
        "en": "for women",
        "th": "สำหรับผู้หญิง",
        "vi": "dành cho phụ nữ",
        "ms": "untuk wanita",
        "id": "untuk perempuan",
    },
    "women_girls": {
        "en": "for women and girls",
        "th": "สำหรับผู้หญิงและเด็กหญิง",
        "vi": "dành cho phụ nữ và trẻ em gái",
        "ms": "untuk wanita dan kanak-kanak perempuan",
        "id": "untuk perempuan dan anak perempuan",
    },
    "children": {
        "en": "for children",
        "th": "สำหรับเด็ก",
        "vi": "dành cho trẻ em",
        "ms": "untuk kanak-kanak",
        "id": "untuk anak",
    },
    "men": {
        "en": "for men",
        "th": "สำหรับผู้ชาย",
        "vi": "dành cho nam giới",
        "ms": "untuk lelaki",
        "id": "untuk laki-laki",
    },
    "adults": {
        "en": "for adults",
        "th": "สำหรับผู้ใหญ่",
        "vi": "dành cho người lớn",
        "ms": "untuk orang dewasa",
        "id": "untuk orang dewasa",
    },
    "migrants": {
        "en": "for migrant workers",
        "th": "สำหรับแรงงานข้ามชาติ",
        "vi": "dành cho lao động di cư",
        "ms": "untuk pekerja migran",
        "id": "untuk pekerja migran",
    },
    "fishers": {
        "en": "for fishers and seafarers",
        "th": "สำหรับแรงงานประมงและคนเรือ",
        "vi": "dành cho ngư dân và thuyền viên",
        "ms": "untuk nelayan dan pelaut",
        "id": "untuk nelayan dan awak kapal",
    },
    "scam": {
        "en": "for scam-centre survivors",
        "th": "สำหรับผู้ที่ถูกบังคับทำงานในแก๊งหลอกลวงออนไลน์",
        "vi": "cho người bị ép làm việc cho đường dây lừa đảo",
        "ms": "untuk mangsa pusat penipuan dalam talian",
        "id": "untuk korban pusat penipuan daring",
    },
    "returnees": {
        "en": "for people returning home",
        "th": "สำหรับผู้ที่เดินทางกลับบ้าน",
        "vi": "dành cho người trở về",
        "ms": "untuk mereka yang pulang",
        "id": "untuk warga yang pulang",
    },
    "domestic": {
        "en": "for domestic workers",
        "th": "สำหรับแรงงานทำงานบ้าน",
        "vi": "dành cho người giúp việc gia đình",
        "ms": "untuk pekerja domestik",
        "id": "untuk pekerja rumah tangga",
    },
    "forced_marriage": {
        "en": "for women forced into marriage",
        "th": "สำหรับผู้หญิงที่ถูกบังคับแต่งงาน",
        "vi": "cho phụ nữ bị ép kết hôn",
        "ms": "untuk wanita yang dipaksa berkahwin",
        "id": "untuk perempuan yang dipaksa menikah",
    },
    "online_children": {
        "en": "for children harmed online",
        "th": "สำหรับเด็กที่ถูกแสวงประโยชน์ทางออนไลน์",
        "vi": "cho trẻ em bị xâm hại trên mạng",
        "ms": "untuk kanak-kanak yang dieksploitasi dalam talian",
        "id": "untuk anak korban eksploitasi daring",
    },
    "street_children": {
        "en": "for children living or working on the street",
        "th": "สำหรับเด็กที่อยู่หรือทำงานบนท้องถนน",
        "vi": "cho trẻ em sống và làm việc trên đường phố",
        "ms": "untuk kanak-kanak jalanan",
        "id": "untuk anak jalanan",
    },
}

WHO = {
    "all": {
        "en": [
            "Anyone who may have been trafficked can use it, whatever their age, gender, "
            "nationality or immigration status.",
            "It is open to everyone who may have been trafficked or exploited, with or "
            "without documents.",
        ],
        "th": [
            "ผู้ที่อาจตกเป็นผู้เสียหายจากการค้ามนุษย์ทุกคนใช้บริการได้ ไม่ว่าจะอายุ เพศ สัญชาติ หรือสถานะการเข้าเมืองใด"
        ],
        "vi": [
            "Bất kỳ ai có thể là nạn nhân bị mua bán đều được hỗ trợ, không phân biệt "
            "tuổi, giới tính, quốc tịch hay tình trạng cư trú."
        ],
        "ms": [
            "Sesiapa sahaja yang mungkin menjadi mangsa pemerdagangan orang boleh "
            "mendapatkannya, tanpa mengira umur, jantina, kewarganegaraan atau status "
            "imigresen."
        ],
        "id": [
            "Siapa pun yang mungkin menjadi korban perdagangan orang dapat menggunakannya, "
            "tanpa memandang usia, jenis kelamin, kewarganegaraan, atau status "
            "keimigrasian."
        ],
    },
    "women": {
        "en": [
            "It is for women aged 18 and over.",
            "Only women aged 18 and over are accepted; they may bring their young children.",
        ],
        "th": ["สำหรับผู้หญิงอายุ 18 ปีขึ้นไป"],
        "vi": ["Dành cho phụ nữ từ 18 tuổi trở lên."],
        "ms": ["Untuk wanita berumur 18 tahun ke atas."],
        "id": ["Untuk perempuan berusia 18 tahun ke atas."],
    },
    "women_girls": {
        "en": [
            "It is for women and girls; girls under 18 are cared for by staff trained to "
            "work with children."
        ],
        "th": ["สำหรับผู้หญิงและเด็กหญิง โดยเด็กอายุต่ำกว่า 18 ปีจะได้รับการดูแลจากเจ้าหน้าที่ที่ผ่านการอบรมเรื่องเด็ก"],
        "vi": [
            "Dành cho phụ nữ và trẻ em gái; các em dưới 18 tuổi được nhân viên có chuyên "
            "môn về trẻ em chăm sóc."
        ],
        "ms": [
            "Untuk wanita dan kanak-kanak perempuan; kanak-kanak bawah 18 tahun dijaga "
            "oleh kakitangan yang terlatih bekerja dengan kanak-kanak."
        ],
        "id": [
            "Untuk perempuan dan anak perempuan; anak di bawah 18 tahun diasuh oleh "
            "petugas yang terlatih menangani anak."
        ],
    },
    "children": {
        "en": [
            "It is for children and young people under 18.",
            "It serves girls and boys under 18, together with a guardian or social worker.",
        ],
        "th": ["สำหรับเด็กและเยาวชนอายุต่ำกว่า 18 ปี"],
        "vi": ["Dành cho trẻ em và người chưa thành niên dưới 18 tuổi."],
        "ms": ["Untuk kanak-kanak dan remaja bawah 18 tahun."],
        "id": ["Untuk anak dan remaja di bawah 18 tahun."],
    },
    "men": {
        "en": [
            "It is for men aged 18 and over.",
            "It is for adult men, including fishers, construction and factory workers.",
        ],
        "th": ["สำหรับผู้ชายอายุ 18 ปีขึ้นไป"],
        "vi": ["Dành cho nam giới từ 18 tuổi trở lên."],
        "ms": ["Untuk lelaki berumur 18 tahun ke atas."],
        "id": ["Untuk laki-laki berusia 18 tahun ke atas."],
    },
    "adults": {
        "en": ["It is for adults aged 18 and over, of any gender."],
        "th": ["สำหรับผู้ใหญ่อายุ 18 ปีขึ้นไปทุกเพศ"],
        "vi": ["Dành cho người từ 18 tuổi trở lên, thuộc mọi giới tính."],
        "ms": ["Untuk orang dewasa berumur 18 tahun ke atas, semua jantina."],
        "id": ["Untuk orang dewasa berusia 18 tahun ke atas, semua jenis kelamin."],
    },
    "migrants": {
        "en": [
            "It helps migrant workers of any nationality, with or without documents.",
            "Migrant workers who were cheated, unpaid or had their documents taken can use it.",
        ],
        "th": ["ช่วยเหลือแรงงานข้ามชาติทุกสัญชาติ ไม่ว่าจะมีเอกสารหรือไม่"],
        "vi": ["Hỗ trợ lao động di cư thuộc mọi quốc tịch, dù có hay không có giấy tờ."],
        "ms": ["Membantu pekerja migran daripada semua negara, sama ada berdokumen atau tidak."],
        "id": ["Membantu pekerja migran dari negara mana pun, berdokumen maupun tidak."],
    },
    "fishers": {
        "en": ["It is for fishers and seafarers who were forced to work at sea or kept on boats."],
        "th": ["สำหรับแรงงานประมงและคนเรือที่ถูกบังคับให้ทำงานในทะเลหรือถูกกักตัวไว้บนเรือ"],
        "vi": ["Dành cho ngư dân và thuyền viên bị ép làm việc trên biển hoặc bị giữ trên tàu."],
        "ms": ["Untuk nelayan dan pelaut yang dipaksa bekerja di laut atau ditahan di atas bot."],
        "id": [
            "Untuk nelayan dan awak kapal yang dipaksa bekerja di laut atau ditahan di atas kapal."
        ],
    },
    "scam": {
        "en": [
            "It helps people who were tricked into working in online scam centres and "
            "forced to defraud others."
        ],
        "th": ["ช่วยเหลือผู้ที่ถูกหลอกไปทำงานในแหล่งหลอกลวงออนไลน์และถูกบังคับให้ฉ้อโกงผู้อื่น"],
        "vi": [
            "Hỗ trợ những người bị lừa sang làm việc cho các đường dây lừa đảo trực tuyến "
            "và bị ép đi lừa người khác."
        ],
        "ms": [
            "Membantu mereka yang ditipu untuk bekerja di pusat penipuan dalam talian dan "
            "dipaksa menipu orang lain."
        ],
        "id": [
            "Membantu orang yang tertipu bekerja di pusat penipuan daring dan dipaksa "
            "menipu orang lain."
        ],
    },
    "returnees": {
        "en": ["It is for people coming home after being exploited abroad or in another province."],
        "th": ["สำหรับผู้ที่เดินทางกลับบ้านหลังจากถูกแสวงประโยชน์ในต่างประเทศหรือต่างจังหวัด"],
        "vi": ["Dành cho những người trở về sau khi bị bóc lột ở nước ngoài hoặc ở tỉnh khác."],
        "ms": [
            "Untuk mereka yang pulang selepas dieksploitasi di luar negara atau di negeri lain."
        ],
        "id": ["Untuk orang yang pulang setelah dieksploitasi di luar negeri atau di daerah lain."],
    },
    "domestic": {
        "en": ["It is for domestic workers who were abused, locked in or not paid."],
        "th": ["สำหรับแรงงานทำงานบ้านที่ถูกทำร้าย ถูกกักขัง หรือไม่ได้รับค่าจ้าง"],
        "vi": [
            "Dành cho người giúp việc gia đình bị ngược đãi, bị nhốt hoặc không được trả lương."
        ],
        "ms": ["Untuk pekerja domestik yang didera, dikurung atau tidak dibayar gaji."],
        "id": ["Untuk pekerja rumah tangga yang dianiaya, dikurung, atau tidak digaji."],
    },
    "forced_marriage": {
        "en": ["It is for women and girls who were sold or forced into marriage."],
        "th": ["สำหรับผู้หญิงและเด็กหญิงที่ถูกขายหรือถูกบังคับให้แต่งงาน"],
        "vi": ["Dành cho phụ nữ và trẻ em gái bị bán hoặc bị ép kết hôn."],
        "ms": ["Untuk wanita dan kanak-kanak perempuan yang dijual atau dipaksa berkahwin."],
        "id": ["Untuk perempuan dan anak perempuan yang dijual atau dipaksa menikah."],
    },
    "sexual": {
        "en": ["It is for people of any age or gender who were sexually exploited."],
        "th": ["สำหรับผู้ที่ถูกแสวงประโยชน์ทางเพศ ทุกวัยและทุกเพศ"],
        "vi": ["Dành cho người bị bóc lột tình dục, ở mọi độ tuổi và giới tính."],
        "ms": ["Untuk mangsa eksploitasi seksual tanpa mengira umur atau jantina."],
        "id": ["Untuk korban eksploitasi seksual dari segala usia dan jenis kelamin."],
    },
    "online_children": {
        "en": [
            "It is for children under 18 who were sexually abused or exploited online, and "
            "for their carers."
        ],
        "th": ["สำหรับเด็กอายุต่ำกว่า 18 ปีที่ถูกล่วงละเมิดหรือแสวงประโยชน์ทางเพศทางออนไลน์ และผู้ดูแล"],
        "vi": [
            "Dành cho trẻ em dưới 18 tuổi bị xâm hại hoặc bóc lột tình dục trên mạng, và "
            "người chăm sóc các em."
        ],
        "ms": [
            "Untuk kanak-kanak bawah 18 tahun yang didera atau dieksploitasi secara "
            "seksual dalam talian, serta penjaga mereka."
        ],
        "id": [
            "Untuk anak di bawah 18 tahun yang menjadi korban kekerasan atau eksploitasi "
            "seksual daring, beserta pengasuhnya."
        ],
    },
    "street_children": {
        "en": [
            "It is for children under 18 who live or work on the street, including "
            "children forced to beg."
        ],
        "th": ["สำหรับเด็กอายุต่ำกว่า 18 ปีที่อาศัยหรือทำงานบนท้องถนน รวมถึงเด็กที่ถูกบังคับให้ขอทาน"],
        "vi": [
            "Dành cho trẻ em dưới 18 tuổi sống hoặc làm việc trên đường phố, kể cả trẻ bị "
            "ép đi ăn xin."
        ],
        "ms": [
            "Untuk kanak-kanak bawah 18 tahun yang tinggal atau bekerja di jalanan, "
            "termasuk yang dipaksa mengemis."
        ],
        "id": [
            "Untuk anak di bawah 18 tahun yang hidup atau bekerja di jalanan, termasuk "
            "yang dipaksa mengemis."
        ],
    },
}

# --------------------------------------------------------------------------- ways in
HOW = {
    "walk_in": {
        "en": [
            "You can walk in or call during opening hours; staff will listen, explain "
            "your options and agree next steps with you.",
            "Just come by or phone; you do not need a referral or any documents to get started.",
            "Contact us by phone, message or in person, and a staff member will meet you "
            "in a private room.",
        ],
        "th": [
            "คุณสามารถมาติดต่อด้วยตนเองหรือโทรมาในเวลาทำการ เจ้าหน้าที่จะรับฟัง "
            "อธิบายทางเลือก และตกลงขั้นตอนต่อไปร่วมกับคุณ"
        ],
        "vi": [
            "Bạn có thể đến trực tiếp hoặc gọi điện trong giờ làm việc; nhân viên sẽ lắng "
            "nghe, giải thích các lựa chọn và cùng bạn thống nhất bước tiếp theo."
        ],
        "ms": [
            "Anda boleh datang sendiri atau menelefon semasa waktu pejabat; kakitangan akan "
            "mendengar, menerangkan pilihan anda dan bersetuju tentang langkah seterusnya "
            "bersama anda."
        ],
        "id": [
            "Anda bisa datang langsung atau menelepon pada jam layanan; petugas akan "
            "mendengarkan, menjelaskan pilihan Anda, dan menyepakati langkah selanjutnya "
            "bersama Anda."
        ],
    },
    "call_first": {
        "en": [
            "Call or message first so that we can arrange a safe time and place to meet.",
            "Phone us first; if it is not safe to talk, send a short message and we will "
            "call you back.",
        ],
        "th": ["กรุณาโทรหรือส่งข้อความมาก่อน เพื่อนัดเวลาและสถานที่พบที่ปลอดภัย"],
        "vi": [
            "Hãy gọi điện hoặc nhắn tin trước để chúng tôi sắp xếp thời gian và địa điểm "
            "gặp an toàn."
        ],
        "ms": [
            "Sila telefon atau hantar mesej dahulu supaya kami boleh mengatur masa dan "
            "tempat pertemuan yang selamat."
        ],
        "id": [
            "Silakan telepon atau kirim pesan terlebih dahulu agar kami bisa mengatur "
            "waktu dan tempat bertemu yang aman."
        ],
    },
    "referral": {
        "en": [
            "Referral only: a caseworker, the police or a hotline refers you, and we "
            "contact you within two working days.",
            "You need a referral from a partner organisation or a government officer; any "
            "hotline can refer you.",
        ],
        "th": [
            "รับเฉพาะกรณีที่มีการส่งต่อจากนักสังคมสงเคราะห์ ตำรวจ หรือสายด่วน และเราจะติดต่อกลับภายในสองวันทำการ"
        ],
        "vi": [
            "Chỉ tiếp nhận qua chuyển gửi của cán bộ xã hội, công an hoặc đường dây nóng; "
            "chúng tôi sẽ liên hệ với bạn trong vòng hai ngày làm việc."
        ],
        "ms": [
            "Melalui rujukan sahaja: pegawai kes, polis atau talian bantuan akan merujuk "
            "anda, dan kami akan menghubungi anda dalam masa dua hari bekerja."
        ],
        "id": [
            "Hanya melalui rujukan: pendamping kasus, polisi, atau hotline akan merujuk "
            "Anda, dan kami akan menghubungi Anda dalam dua hari kerja."
        ],
    },
    "shelter": {
        "en": [
            "Admission is arranged through the hotline or a partner organisation; for "
            "your safety, the address is only shared once a place is confirmed.",
            "Staff arrange safe transport to the shelter; its address is kept confidential.",
        ],
        "th": [
            "การเข้าพักต้องประสานผ่านสายด่วนหรือหน่วยงานภาคี เพื่อความปลอดภัย เราจะแจ้งที่อยู่เมื่อยืนยันที่พักแล้วเท่านั้น"
        ],
        "vi": [
            "Việc tiếp nhận được sắp xếp qua đường dây nóng hoặc tổ chức đối tác; để bảo "
            "đảm an toàn, địa chỉ chỉ được cung cấp khi đã xác nhận chỗ ở."
        ],
        "ms": [
            "Kemasukan diatur melalui talian bantuan atau organisasi rakan kongsi; demi "
            "keselamatan anda, alamat hanya diberikan setelah tempat disahkan."
        ],
        "id": [
            "Penerimaan diatur melalui hotline atau lembaga mitra; demi keamanan Anda, "
            "alamat hanya diberikan setelah tempat dipastikan."
        ],
    },
    "hotline": {
        "en": [
            "Calls are free and confidential, and you do not have to give your name.",
            "You can call in your own language; an interpreter joins the call when needed.",
        ],
        "th": ["โทรฟรีและเก็บเป็นความลับ คุณไม่จำเป็นต้องบอกชื่อ"],
        "vi": ["Cuộc gọi miễn phí và được giữ bí mật, bạn không cần nói tên."],
        "ms": ["Panggilan adalah percuma dan sulit, dan anda tidak perlu memberikan nama."],
        "id": ["Panggilan gratis dan dirahasiakan, dan Anda tidak perlu menyebutkan nama."],
    },
}

APPLICATION = {
    "walk_in": {
        "en": [
            "Come to the office or call. A staff member does a short intake interview "
            "(about 30 minutes) in a private room.",
            "No appointment needed. Tell the receptionist you need help and you will be "
            "seen the same day.",
        ],
        "th": ["มาติดต่อที่สำนักงานหรือโทรมา เจ้าหน้าที่จะสัมภาษณ์เบื้องต้นประมาณ 30 นาทีในห้องที่เป็นส่วนตัว"],
        "vi": [
            "Đến văn phòng hoặc gọi điện. Nhân viên sẽ trao đổi ban đầu với bạn khoảng 30 "
            "phút trong phòng riêng."
        ],
        "ms": [
            "Datang ke pejabat atau telefon. Kakitangan akan menjalankan temu bual awal "
            "(kira-kira 30 minit) di bilik tertutup."
        ],
        "id": [
            "Datang ke kantor atau telepon. Petugas akan melakukan wawancara awal (sekitar "
            "30 menit) di ruang tertutup."
        ],
    },
    "call_first": {
        "en": [
            "Call or send a message to arrange a first meeting, at our office or another "
            "safe place."
        ],
        "th": ["โทรหรือส่งข้อความเพื่อนัดพบครั้งแรก โดยพบกันที่สำนักงานหรือสถานที่อื่นที่ปลอดภัยได้"],
        "vi": [
            "Gọi điện hoặc nhắn tin để hẹn buổi gặp đầu tiên, tại văn phòng hoặc một nơi "
            "an toàn khác."
        ],
        "ms": [
            "Telefon atau hantar mesej untuk mengatur pertemuan pertama, sama ada di "
            "pejabat kami atau di tempat lain yang selamat."
        ],
        "id": [
            "Telepon atau kirim pesan untuk mengatur pertemuan pertama, di kantor kami "
            "atau di tempat lain yang aman."
        ],
    },
    "referral": {
        "en": [
            "Partner organisations send a referral through Pathways or by phone. We "
            "confirm within two working days."
        ],
        "th": ["หน่วยงานภาคีส่งต่อผ่านระบบ Pathways หรือทางโทรศัพท์ เราจะยืนยันภายในสองวันทำการ"],
        "vi": [
            "Tổ chức đối tác chuyển gửi qua Pathways hoặc qua điện thoại. Chúng tôi xác "
            "nhận trong vòng hai ngày làm việc."
        ],
        "ms": [
            "Organisasi rakan kongsi membuat rujukan melalui Pathways atau telefon. Kami "
            "akan mengesahkan dalam masa dua hari bekerja."
        ],
        "id": [
            "Lembaga mitra mengirim rujukan melalui Pathways atau telepon. Kami konfirmasi "
            "dalam dua hari kerja."
        ],
    },
    "shelter": {
        "en": [
            "Referral by the hotline, the police or a partner caseworker. A short risk "
            "assessment is done by phone before admission."
        ],
        "th": [
            "รับการส่งต่อจากสายด่วน ตำรวจ หรือนักสังคมสงเคราะห์ของหน่วยงานภาคี "
            "โดยจะประเมินความเสี่ยงทางโทรศัพท์ก่อนเข้าพัก"
        ],
        "vi": [
            "Tiếp nhận theo chuyển gửi của đường dây nóng, công an hoặc cán bộ đối tác. "
            "Trước khi vào ở, nhân viên đánh giá nhanh rủi ro qua điện thoại."
        ],
        "ms": [
            "Rujukan daripada talian bantuan, polis atau pegawai kes rakan kongsi. "
            "Penilaian risiko ringkas dibuat melalui telefon sebelum kemasukan."
        ],
        "id": [
            "Rujukan dari hotline, polisi, atau pendamping kasus lembaga mitra. Sebelum "
            "masuk, dilakukan penilaian risiko singkat lewat telepon."
        ],
    },
    "hotline": {
        "en": [
            "Call the hotline; you can stay anonymous. If you need urgent help, the "
            "operator contacts the nearest team."
        ],
        "th": ["โทรเข้าสายด่วนได้โดยไม่ต้องบอกชื่อ หากต้องการความช่วยเหลือเร่งด่วน เจ้าหน้าที่จะประสานทีมที่อยู่ใกล้ที่สุด"],
        "vi": [
            "Gọi đường dây nóng, bạn có thể giấu tên. Nếu cần hỗ trợ khẩn cấp, tổng đài "
            "viên sẽ liên hệ đội gần nhất."
        ],
        "ms": [
            "Hubungi talian bantuan tanpa perlu memberi nama. Jika anda memerlukan bantuan "
            "segera, operator akan menghubungi pasukan terdekat."
        ],
        "id": [
            "Hubungi hotline tanpa perlu menyebutkan nama. Jika Anda butuh bantuan segera, "
            "operator akan menghubungi tim terdekat."
        ],
    },
}
APPLICATION["court_order"] = {
    "en": [
        "Admission follows a protection order made after a police referral; the shelter "
        "team explains each step and your rights."
    ],
    "ms": [
        "Kemasukan mengikut perintah perlindungan selepas rujukan polis; pasukan rumah "
        "perlindungan menerangkan setiap langkah dan hak anda."
    ],
}

DOCUMENTS = {
    "none": {
        "en": "None. You can get help without any documents.",
        "th": "ไม่ต้องใช้เอกสารใด ๆ",
        "vi": "Không cần giấy tờ gì.",
        "ms": "Tiada. Anda boleh mendapat bantuan tanpa sebarang dokumen.",
        "id": "Tidak ada. Anda bisa mendapat bantuan tanpa dokumen apa pun.",
    },
    "optional_id": {
        "en": "None needed. If you have an ID card or passport, bring it.",
        "th": "ไม่จำเป็นต้องมีเอกสาร หากมีบัตรประจำตัวหรือหนังสือเดินทางให้นำมาด้วย",
        "vi": "Không bắt buộc. Nếu có căn cước hoặc hộ chiếu, bạn hãy mang theo.",
        "ms": "Tidak wajib. Jika ada kad pengenalan atau pasport, sila bawa.",
        "id": "Tidak wajib. Jika punya KTP atau paspor, silakan dibawa.",
    },
    "referral_form": {
        "en": "A referral from the referring organisation (sent through Pathways or by phone).",
        "th": "ใบส่งต่อจากหน่วยงานที่ส่งต่อ (ผ่านระบบ Pathways หรือทางโทรศัพท์)",
        "vi": "Phiếu chuyển gửi của tổ chức giới thiệu (qua Pathways hoặc điện thoại).",
        "ms": "Rujukan daripada organisasi yang merujuk (melalui Pathways atau telefon).",
        "id": "Rujukan dari lembaga yang merujuk (melalui Pathways atau telepon).",
    },
    "work_papers": {
        "en": (
            "Any papers you have about your job, such as a contract, payslips or messages "
            "from the employer. None are required to start."
        ),
        "th": "เอกสารเกี่ยวกับงานที่คุณมี เช่น สัญญาจ้าง สลิปเงินเดือน หรือข้อความจากนายจ้าง (ไม่บังคับ)",
        "vi": (
            "Các giấy tờ bạn có về công việc như hợp đồng, phiếu lương hoặc tin nhắn của "
            "chủ (không bắt buộc)."
        ),
        "ms": (
            "Apa-apa dokumen kerja yang ada, seperti kontrak, slip gaji atau mesej daripada "
            "majikan (tidak wajib)."
        ),
        "id": (
            "Dokumen kerja yang Anda miliki, seperti kontrak, slip gaji, atau pesan dari "
            "majikan (tidak wajib)."
        ),
    },
}

ELIGIBILITY = {
    "any": {
        "en": "Any nationality, with or without documents.",
        "th": "ทุกสัญชาติ ไม่ว่าจะมีเอกสารหรือไม่",
        "vi": "Mọi quốc tịch, có hay không có giấy tờ.",
        "ms": "Semua warganegara, berdokumen atau tidak.",
        "id": "Semua kewarganegaraan, berdokumen maupun tidak.",
    },
    "migrants_any": {
        "en": (
            "Migrants of any nationality and status; you do not need a valid visa or work permit."
        ),
        "th": "แรงงานข้ามชาติทุกสัญชาติและทุกสถานะ ไม่จำเป็นต้องมีวีซ่าหรือใบอนุญาตทำงาน",
        "vi": (
            "Lao động di cư thuộc mọi quốc tịch và tình trạng; không cần thị thực hay giấy "
            "phép lao động hợp lệ."
        ),
        "ms": (
            "Pekerja migran daripada semua negara dan status; tidak perlu visa atau permit "
            "kerja yang sah."
        ),
        "id": (
            "Pekerja migran dari negara mana pun dan status apa pun; tidak perlu visa atau "
            "izin kerja yang berlaku."
        ),
    },
    "children_guardian": {
        "en": "Children under 18; a parent, guardian or social worker takes part in decisions.",
        "th": "เด็กอายุต่ำกว่า 18 ปี โดยพ่อแม่ ผู้ปกครอง หรือนักสังคมสงเคราะห์มีส่วนร่วมในการตัดสินใจ",
        "vi": (
            "Trẻ em dưới 18 tuổi; cha mẹ, người giám hộ hoặc cán bộ xã hội cùng tham gia "
            "quyết định."
        ),
        "ms": (
            "Kanak-kanak bawah 18 tahun; ibu bapa, penjaga atau pegawai kebajikan terlibat "
            "dalam keputusan."
        ),
        "id": (
            "Anak di bawah 18 tahun; orang tua, wali, atau pekerja sosial dilibatkan dalam "
            "keputusan."
        ),
    },
    "returnees": {
        "en": "People returning from abroad or from another province.",
        "th": "ผู้ที่เดินทางกลับจากต่างประเทศหรือจากจังหวัดอื่น",
        "vi": "Người trở về từ nước ngoài hoặc từ tỉnh khác.",
        "ms": "Mereka yang pulang dari luar negara atau dari negeri lain.",
        "id": "Orang yang pulang dari luar negeri atau dari daerah lain.",
    },
    "assessed": {
        "en": "A short assessment confirms that the service fits your needs.",
        "th": "มีการประเมินเบื้องต้นเพื่อยืนยันว่าบริการนี้เหมาะกับความต้องการของคุณ",
        "vi": "Một đánh giá ngắn để xác nhận dịch vụ phù hợp với nhu cầu của bạn.",
        "ms": "Penilaian ringkas dibuat untuk memastikan perkhidmatan ini sesuai dengan keperluan anda.",
        "id": "Asesmen singkat dilakukan untuk memastikan layanan ini sesuai dengan kebutuhan Anda.",
    },
    "court_order": {
        "en": (
            "Admission follows a protection order under the anti-trafficking law; staff "
            "explain the process and your rights."
        ),
        "ms": (
            "Kemasukan mengikut perintah perlindungan di bawah undang-undang "
            "antipemerdagangan orang; kakitangan akan menerangkan proses dan hak anda."
        ),
    },
    "identified_victims": {
        "en": "People identified, or being assessed, as victims of trafficking.",
        "th": "ผู้ที่ได้รับการคัดแยกหรืออยู่ระหว่างการคัดแยกว่าเป็นผู้เสียหายจากการค้ามนุษย์",
        "vi": "Người đã được xác định, hoặc đang được xác minh, là nạn nhân bị mua bán.",
        "ms": "Mereka yang dikenal pasti, atau sedang dinilai, sebagai mangsa pemerdagangan orang.",
        "id": "Orang yang telah diidentifikasi, atau sedang dinilai, sebagai korban perdagangan orang.",
    },
}

ACCESSIBILITY = [
    {
        "en": "Ground-floor entrance with a ramp; accessible toilet.",
        "th": "ทางเข้าชั้นล่างมีทางลาด มีห้องน้ำสำหรับผู้พิการ",
        "vi": "Lối vào tầng trệt có đường dốc; có nhà vệ sinh cho người khuyết tật.",
        "ms": "Pintu masuk di tingkat bawah dengan tanjakan; tandas OKU disediakan.",
        "id": "Pintu masuk di lantai dasar dengan ramp; tersedia toilet ramah disabilitas.",
    },
    {
        "en": "Upstairs with no lift; staff can meet you on the ground floor.",
        "th": "อยู่ชั้นบนและไม่มีลิฟต์ เจ้าหน้าที่สามารถลงมาพบคุณที่ชั้นล่างได้",
        "vi": "Ở trên lầu, không có thang máy; nhân viên có thể xuống gặp bạn ở tầng trệt.",
        "ms": "Di tingkat atas tanpa lif; kakitangan boleh berjumpa anda di tingkat bawah.",
        "id": "Di lantai atas tanpa lift; petugas bisa menemui Anda di lantai dasar.",
    },
    {
        "en": "Wheelchair accessible. You can ask to speak with a female staff member.",
        "th": "รถเข็นเข้าถึงได้ และขอพบเจ้าหน้าที่ผู้หญิงได้",
        "vi": "Thuận tiện cho xe lăn. Bạn có thể yêu cầu gặp nhân viên nữ.",
        "ms": "Mesra kerusi roda. Anda boleh meminta untuk bercakap dengan kakitangan wanita.",
        "id": "Dapat diakses kursi roda. Anda bisa meminta dilayani petugas perempuan.",
    },
    {
        "en": "Home visits can be arranged for people who cannot travel.",
        "th": "จัดการเยี่ยมบ้านได้สำหรับผู้ที่เดินทางไม่สะดวก",
        "vi": "Có thể sắp xếp đến tận nhà với người không đi lại được.",
        "ms": "Lawatan ke rumah boleh diatur bagi yang tidak dapat bergerak.",
        "id": "Kunjungan rumah dapat diatur bagi yang tidak bisa bepergian.",
    },
]
ACCESSIBILITY_HOTLINE = {
    "en": "Text and chat options for people who are deaf or hard of hearing.",
    "th": "มีช่องทางข้อความและแชตสำหรับผู้พิการทางการได้ยิน",
    "vi": "Có kênh nhắn tin và trò chuyện trực tuyến cho người khiếm thính.",
    "ms": "Pilihan mesej teks dan sembang untuk golongan pekak atau kurang pendengaran.",
    "id": "Tersedia layanan pesan dan obrolan bagi penyandang tuli atau gangguan pendengaran.",
}

HOURS_NOTE = {
    "24_7": {
        "en": "Open 24 hours a day, 7 days a week, including public holidays.",
        "th": "เปิดตลอด 24 ชั่วโมง ทุกวัน รวมวันหยุดนักขัตฤกษ์",
        "vi": "Hoạt động 24/7, kể cả ngày lễ.",
        "ms": "Dibuka 24 jam sehari, 7 hari seminggu, termasuk cuti umum.",
        "id": "Buka 24 jam setiap hari, termasuk hari libur nasional.",
    },
    "holidays": {
        "en": "Closed on public holidays.",
        "th": "ปิดวันหยุดนักขัตฤกษ์",
        "vi": "Nghỉ các ngày lễ.",
        "ms": "Ditutup pada cuti umum.",
        "id": "Tutup pada hari libur nasional.",
    },
    "friday_my": {
        "en": "Closed for Friday prayers from 12:15 to 14:45.",
        "ms": "Ditutup untuk solat Jumaat dari 12:15 hingga 14:45.",
    },
    "friday_id": {
        "en": "Closed for Friday prayers from 11:30 to 13:00.",
        "id": "Istirahat salat Jumat pukul 11.30–13.00.",
    },
    "appointment": {
        "en": "Other times by appointment.",
        "th": "นอกเวลาทำการโปรดนัดหมายล่วงหน้า",
        "vi": "Ngoài giờ trên, vui lòng hẹn trước.",
        "ms": "Waktu lain dengan temu janji.",
        "id": "Di luar jam tersebut dengan perjanjian.",
    },
}

COST = {
    "medicine": {
        "en": "A small fee for some medicines; waived for people referred as victims of trafficking.",
        "th": "มีค่ายาบางรายการเล็กน้อย ยกเว้นสำหรับผู้ที่ได้รับการส่งต่อในฐานะผู้เสียหายจากการค้ามนุษย์",
        "vi": (
            "Có thu phí nhỏ cho một số loại thuốc; miễn phí cho người được chuyển gửi là "
            "nạn nhân bị mua bán."
        ),
        "ms": "Caj kecil untuk sesetengah ubat; dikecualikan bagi mangsa pemerdagangan orang yang dirujuk.",
        "id": "Ada biaya kecil untuk beberapa obat; dibebaskan bagi korban perdagangan orang yang dirujuk.",
    },
    "course": {
        "en": "A course fee applies; scholarships cover it for people referred by a partner.",
        "th": "มีค่าเรียน แต่มีทุนครอบคลุมสำหรับผู้ที่หน่วยงานภาคีส่งต่อมา",
        "vi": "Có học phí; học bổng chi trả cho người được đối tác giới thiệu.",
        "ms": "Yuran kursus dikenakan; biasiswa menanggungnya bagi peserta yang dirujuk oleh rakan kongsi.",
        "id": "Ada biaya kursus; beasiswa menanggungnya bagi peserta yang dirujuk lembaga mitra.",
    },
}

ALERTS = {
    "flood": {
        "en": (
            "Temporarily closed for repairs after flooding. Please call the national "
            "hotline to be referred to another shelter."
        ),
        "th": "ปิดชั่วคราวเพื่อซ่อมแซมหลังน้ำท่วม โปรดโทรสายด่วนระดับชาติเพื่อขอส่งต่อไปยังบ้านพักอื่น",
        "vi": (
            "Tạm đóng cửa để sửa chữa sau lũ. Vui lòng gọi đường dây nóng quốc gia để "
            "được chuyển đến nhà tạm lánh khác."
        ),
        "ms": (
            "Ditutup sementara untuk pembaikan selepas banjir. Sila hubungi talian "
            "bantuan kebangsaan untuk dirujuk ke rumah perlindungan lain."
        ),
        "id": (
            "Tutup sementara untuk perbaikan setelah banjir. Silakan hubungi hotline "
            "nasional untuk dirujuk ke rumah aman lain."
        ),
    },
    "moving": {
        "en": (
            "Closed while we move to new premises. Current clients are being contacted "
            "by their caseworkers."
        ),
        "th": "ปิดให้บริการระหว่างย้ายสถานที่ เจ้าหน้าที่ผู้ดูแลกำลังติดต่อผู้รับบริการปัจจุบันทุกราย",
        "vi": (
            "Tạm ngừng trong thời gian chuyển địa điểm. Cán bộ phụ trách đang liên hệ với "
            "những người đang được hỗ trợ."
        ),
        "ms": (
            "Ditutup semasa kami berpindah ke premis baharu. Pegawai kes sedang "
            "menghubungi klien sedia ada."
        ),
        "id": (
            "Tutup selama kami pindah ke tempat baru. Pendamping kasus sedang menghubungi "
            "klien yang ada."
        ),
    },
    "landline": {
        "en": "Our landline is out of order this week; please send an email or a message instead.",
        "th": "โทรศัพท์พื้นฐานใช้การไม่ได้ในสัปดาห์นี้ โปรดส่งอีเมลหรือข้อความแทน",
        "vi": "Điện thoại bàn đang hỏng trong tuần này; vui lòng gửi email hoặc tin nhắn.",
        "ms": "Talian tetap kami rosak minggu ini; sila hantar e-mel atau mesej.",
        "id": "Telepon kantor kami sedang rusak minggu ini; silakan kirim email atau pesan.",
    },
    "full": {
        "en": "The shelter is full at the moment; new referrals go on a short waiting list.",
        "th": "ขณะนี้บ้านพักเต็ม การส่งต่อรายใหม่จะอยู่ในรายชื่อรอ",
        "vi": (
            "Hiện nhà tạm lánh đã kín chỗ; các trường hợp chuyển gửi mới sẽ được xếp vào "
            "danh sách chờ."
        ),
        "ms": "Rumah perlindungan penuh buat masa ini; rujukan baharu dimasukkan ke dalam senarai menunggu.",
        "id": "Rumah aman sedang penuh; rujukan baru masuk daftar tunggu.",
    },
}

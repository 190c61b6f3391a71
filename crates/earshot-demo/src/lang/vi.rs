//! Vietnamese: agents call themselves "em" and the customer "anh"/"chị" (`{pron}`), the usual
//! register of Vietnamese shops; customers write to "shop" and get blunt ("mày", "tao") when
//! they insult.

use super::{Bank, Lang};

pub(crate) static BANK: Bank = Bank {
    lang: Lang::Vi,
    sep: " ",
    weekdays: [
        "Chủ nhật",
        "thứ Hai",
        "thứ Ba",
        "thứ Tư",
        "thứ Năm",
        "thứ Sáu",
        "thứ Bảy",
    ],

    greet_chat: &[
        "Dạ em chào {cust} ạ, cảm ơn {pron} đã liên hệ với {brand}. Em là {agent}, em rất vui được hỗ trợ {pron}.",
        "{brand} xin chào {cust}! Em là {agent} bên chăm sóc khách hàng ạ.",
    ],
    greet_mail: &[
        "Kính gửi {cust},\n\n{brand} xin cảm ơn {pron} đã liên hệ với chúng tôi.",
        "Chào {cust},\n\nCảm ơn {pron} đã gửi tin nhắn cho {brand}.",
    ],
    sign_mail: &[
        "Trân trọng,\n{agent}\nBộ phận Chăm sóc Khách hàng {brand}",
        "Thân mến,\n{agent}\nĐội ngũ hỗ trợ {brand}",
    ],
    greet_phone: &[
        "Dạ {brand} xin nghe, em là {agent}. Em có thể giúp gì cho mình ạ?",
        "Dạ {brand} xin chào, em {agent} nghe ạ. Mình cần hỗ trợ gì ạ?",
    ],
    ask_order: &[
        "{Pron} vui lòng cho em xin mã đơn hàng để em kiểm tra nhé.",
        "Dạ {pron} cho em xin mã đơn hàng được không ạ?",
        "{Pron} gửi giúp em mã đơn hàng nhé, mã này có trong email xác nhận đơn ạ.",
    ],
    confirm_order: &[
        "Dạ em cảm ơn {pron}. Em thấy đơn hàng {order} ({product}) rồi ạ.",
        "Em đã tìm thấy đơn {order} của {pron}: {product}.",
    ],
    apology: &[
        "Em thành thật xin lỗi {pron} về sự cố này ạ.",
        "Em rất xin lỗi vì sự bất tiện này.",
        "Bên em thành thật xin lỗi {pron} ạ.",
    ],
    empathy: &[
        "Em rất hiểu cảm giác khó chịu của {pron} lúc này.",
        "Em hiểu {pron} đang rất bực mình, nếu là em thì em cũng vậy.",
        "Em hiểu ạ, đây không phải là trải nghiệm mà bên em muốn mang lại cho {pron}.",
    ],
    further: &[
        "{Pron} còn cần em hỗ trợ thêm gì không ạ?",
        "Em có thể giúp gì thêm cho {pron} không ạ?",
    ],
    further_mail: &[
        "Nếu {pron} còn thắc mắc gì, chỉ cần trả lời email này, bên em luôn sẵn sàng hỗ trợ.",
        "{Pron} cần hỗ trợ thêm thì cứ liên hệ lại với bên em nhé.",
    ],
    close: &[
        "Cảm ơn {pron} đã liên hệ {brand}. Chúc {pron} một ngày tốt lành ạ!",
        "Dạ không có gì ạ. Chúc {pron} một buổi thật vui ạ!",
        "Em cảm ơn {pron}, hẹn gặp lại {pron} ạ!",
    ],
    hold: &[
        "{Pron} đợi em một chút để em kiểm tra nhé.",
        "Dạ {pron} chờ em một lát ạ.",
    ],

    c_give_order: &["Mã đơn là {order} nhé.", "Đơn hàng số {order}.", "{order}"],
    c_order_line: &["Mã đơn hàng: {order}", "Mã đơn của tôi là {order}."],
    c_thanks: &[
        "Ok, cảm ơn shop nhiều nha!",
        "Tuyệt quá, cảm ơn em.",
        "Vậy thì yên tâm rồi, cảm ơn nhé!",
    ],
    c_no_more: &[
        "Không, vậy là đủ rồi. Cảm ơn em!",
        "Hết rồi nha, chào em.",
        "Vậy thôi, cảm ơn shop.",
    ],
    c_sign_mail: &["Cảm ơn,\n{cname}", "Trân trọng,\n{cname}", "{cname}"],
    c_nudge: &[
        "Alo, có ai ở đó không?",
        "Có tin gì mới chưa shop?",
        "Tôi vẫn đang chờ phản hồi.",
    ],
    fillers: &["À, ờ...", "Ờ, dạ.", "Dạ, ờ..."],

    wismo_open: &[
        "Chào shop, mình đặt {product} cách đây {ndays} ngày mà vẫn chưa nhận được hàng. Đơn của mình đang ở đâu vậy?",
        "Shop kiểm tra giúp mình tình trạng đơn hàng với, mình chưa nhận được thông báo giao hàng nào cả.",
        "Chào shop, khi nào đơn của mình tới vậy? Mấy ngày nay mã vận đơn không cập nhật gì hết.",
    ],
    wismo_answer: &[
        "Dạ, kiện hàng đã được giao cho {carrier} và đang trên đường đến {pron}. Mã vận đơn là {tracking}, dự kiến giao vào {day} ạ.",
        "Tin vui ạ: đơn của {pron} đã được gửi qua {carrier} (mã vận đơn {tracking}) và sẽ đến trước {day}.",
    ],
    return_open: &[
        "Chào shop, mình muốn trả lại {product}, không giống như mình mong đợi lắm.",
        "Shop ơi, mình có thể đổi trả {product} không? Mình đặt nhầm màu.",
        "Chào shop, {product} không hợp với mình nên mình muốn trả hàng. Thủ tục thế nào vậy?",
    ],
    return_answer: &[
        "Dạ được ạ. Em vừa gửi nhãn hoàn hàng trả trước qua email cho {pron}. Ngay khi kho nhận được kiện hàng, bên em sẽ hoàn {amount} về phương thức thanh toán ban đầu trong vòng 5-7 ngày làm việc.",
        "Dạ không sao ạ. {Pron} đóng gói sản phẩm trong hộp gốc và gửi kèm nhãn hoàn hàng em đã gửi nhé. Khi nhận được hàng, bên em sẽ hoàn {amount}, thường sau 3-5 ngày làm việc là tiền về tài khoản ạ.",
    ],
    question: &[
        (
            "Shop ơi, {product} có bảo hành không?",
            "Dạ có ạ, {product} được bảo hành chính hãng 2 năm. {Pron} chỉ cần giữ email xác nhận đơn hàng làm bằng chứng mua hàng thôi ạ.",
        ),
        (
            "Chào shop, {product} còn hàng không? Giao mất bao lâu vậy?",
            "Dạ vẫn còn hàng ạ. Đơn đặt trước 14 giờ sẽ được gửi đi ngay trong ngày, thời gian giao thường là 3-5 ngày làm việc.",
        ),
        (
            "Shop xuất hóa đơn công ty cho mình được không?",
            "Dạ được ạ. {Pron} gửi em tên và địa chỉ công ty, em sẽ gửi hóa đơn qua email trong vòng 1 ngày làm việc.",
        ),
        (
            "Cho mình hỏi, nếu hôm nay đặt {product} thì shop gói quà giúp được không?",
            "Dạ được ạ! {Pron} chọn \"gói quà\" khi thanh toán, còn có thể thêm lời nhắn miễn phí nữa ạ.",
        ),
    ],
    address_open: &[
        "Chào shop, mình mới chuyển nhà, cần đổi địa chỉ giao hàng của đơn sang: {street}.",
        "Shop cập nhật giúp mình địa chỉ giao hàng trong tài khoản nhé, địa chỉ mới là {street}.",
    ],
    verify_ask: &[
        "Dạ em hỗ trợ {pron} ngay ạ. Để bảo mật, {pron} vui lòng xác nhận giúp em email đăng ký tài khoản và mã bưu chính của địa chỉ hiện tại nhé.",
        "Dạ vâng ạ. Trước khi thay đổi, em cần xác minh danh tính: {pron} cho em xin email tài khoản và mã bưu chính địa chỉ thanh toán ạ.",
    ],
    verify_give: &[
        "Email là {mail}, mã bưu chính {zip}.",
        "{mail}, mã bưu chính {zip} nhé.",
    ],
    address_done: &[
        "Dạ em cảm ơn {pron}, danh tính đã được xác minh. Em đã đổi địa chỉ giao hàng sang {street}, đơn sẽ được giao tới đó ạ.",
        "Cảm ơn {pron} đã xác nhận. Địa chỉ mới là {street}; {pron} sẽ nhận được email xác nhận ngay ạ.",
    ],
    thanks_open: &[
        "Shop ơi, hôm nay mình nhận được {product} rồi, xịn lắm luôn. Cảm ơn shop nha!",
        "Chào shop, hôm qua mình nhận hàng rồi. Chất lượng tốt, giao nhanh, cảm ơn nhiều!",
    ],
    thanks_answer: &[
        "Dạ em cảm ơn {cust} nhiều ạ! Bên em rất vui vì {pron} hài lòng, em sẽ chuyển lời khen đến cả team ạ.",
        "Ôi vui quá ạ! Cảm ơn {pron} đã dành thời gian nhắn cho bên em.",
    ],
    cancel_open: &[
        "Chào shop, mình còn hủy đơn được không? Mình lỡ đặt nhầm.",
        "Shop hủy giúp mình món thứ hai thôi được không? Món đầu mình vẫn lấy.",
        "Shop ơi, mình muốn hủy đơn, mình không cần nữa.",
    ],
    cancel_answer: &[
        "Dạ đơn của {pron} chưa được gửi đi nên em đã hủy rồi ạ. Số tiền {amount} sẽ được hoàn về phương thức thanh toán ban đầu trong 3-5 ngày làm việc.",
        "Dạ em đã hủy đơn xong ạ. {Pron} sẽ nhận email xác nhận, và {amount} sẽ được hoàn về phương thức thanh toán ban đầu trong vòng 5 ngày làm việc.",
    ],

    late_open: &[
        "Chào shop, đơn của mình lẽ ra phải tới từ {ndays} ngày trước mà giờ vẫn chưa có. Có chuyện gì vậy?",
        "Shop ơi, hàng của mình bị trễ rồi. Mã vận đơn đứng yên cả tuần nay.",
    ],
    late_fix: &[
        "Em đã kiểm tra với {carrier}: kiện hàng bị kẹt ở trung tâm phân loại và giờ đã tiếp tục vận chuyển. Mã vận đơn là {tracking}, hàng sẽ đến trước {day}. Nếu đến lúc đó vẫn chưa nhận được, bên em sẽ gửi hàng thay thế miễn phí ạ.",
        "Kiện hàng đang bị chậm bên {carrier} (mã vận đơn {tracking}). Em đã yêu cầu họ kiểm tra; nếu trong 3 ngày làm việc chưa giao được, bên em sẽ gửi lại đơn hoặc hoàn tiền toàn bộ, tùy {pron} chọn ạ.",
    ],
    damaged_open: &[
        "Shop ơi, {product} giao tới bị hư rồi. Hộp bị móp, sản phẩm bị trầy.",
        "Chào shop, hôm nay mình nhận hàng mà {product} bị vỡ.",
    ],
    damaged_fix: &[
        "Em sẽ gửi sản phẩm thay thế miễn phí cho {pron}, hàng sẽ được gửi trong vòng 2 ngày làm việc và {pron} không cần gửi trả món bị hư ạ.",
        "{Pron} có thể chọn đổi hàng mới miễn phí hoặc hoàn tiền toàn bộ {amount}. Nếu hoàn tiền, {pron} không cần gửi trả gì, tiền sẽ về phương thức thanh toán ban đầu trong 5-7 ngày làm việc ạ.",
    ],
    wrong_open: &[
        "Shop ơi, giao nhầm hàng rồi. Mình đặt {product} mà nhận được món khác.",
        "Chào shop, đơn của mình bị sai: trong hộp là một sản phẩm khác.",
    ],
    wrong_fix: &[
        "Em đã cho gửi đúng {product} ngay trong hôm nay, và đã gửi email nhãn hoàn hàng trả trước để {pron} gửi lại món giao nhầm miễn phí ạ.",
        "Sản phẩm đúng sẽ được gửi hỏa tốc hôm nay ạ. {Pron} dùng nhãn trả trước em đã gửi để hoàn món kia trong vòng 30 ngày, hoàn toàn không mất phí.",
    ],
    refund_open: &[
        "Chào shop, mình đã gửi trả {product} hai tuần trước mà vẫn chưa được hoàn tiền.",
        "Shop ơi, tiền hoàn của mình đâu rồi? Shop đã nhận hàng trả {ndays} ngày rồi mà.",
    ],
    refund_fix: &[
        "Em thấy hàng hoàn của {pron} đã về kho. Khoản hoàn {amount} đã được xử lý hôm nay và sẽ hiển thị trong tài khoản sau 3-5 ngày làm việc, tùy ngân hàng ạ.",
        "Hàng hoàn đã được kiểm tra và duyệt, em vừa hoàn {amount} về phương thức thanh toán ban đầu của {pron}. Ngân hàng thường mất 3-5 ngày làm việc để cập nhật ạ.",
    ],
    defect_open: &[
        "Shop ơi, {product} mình mua mới ba tuần đã hỏng, không bật lên được nữa.",
        "Chào shop, {product} của mình cứ tự tắt hoài. Có được bảo hành không?",
    ],
    defect_fix: &[
        "Dạ trường hợp này được bảo hành ạ. Em đã gửi email nhãn hoàn hàng miễn phí; khi nhận được máy lỗi, bên em sẽ gửi máy mới trong 3 ngày làm việc, hoặc hoàn {amount} nếu {pron} muốn.",
        "Bên em sẽ đổi máy mới theo chế độ bảo hành ạ. {Pron} gửi máy về bằng nhãn miễn phí trong email em vừa gửi, máy mới sẽ được gửi đi ngay khi đơn vị vận chuyển quét mã kiện hàng.",
    ],

    c_annoyed: &[
        "Đây là lần thứ hai mình hỏi rồi đó. Có ai giúp được không vậy?",
        "Thật hả? Mình chờ mấy ngày rồi mà chẳng ai trả lời rõ ràng.",
        "Trả lời vậy chẳng giúp được gì. Mình cần hàng, không cần lý do.",
        "Mình bắt đầu bực rồi đấy.",
    ],
    c_angry: &[
        "Thật không chấp nhận được! Hoàn tiền cho tôi NGAY!",
        "Tôi TỨC lắm rồi. Ba tuần, năm tin nhắn mà vẫn không có gì!",
        "Dịch vụ của các người đúng là trò hề. Tôi hết kiên nhẫn rồi!",
        "Đừng copy paste một câu trả lời nữa, GIẢI QUYẾT ĐI!",
    ],
    c_insult: &[
        "Mày ngu à? Tao đưa mã đơn rồi còn gì!",
        "Đồ vô dụng, ngu như bò.",
        "Công ty này toàn thuê lũ ngu à?",
        "Biết đọc không vậy, đồ óc chó?",
        "Nhân viên gì mà ngu thế không biết.",
    ],
    c_disguised: &[
        "đm shop làm ăn kiểu gì vậy?",
        "vcl, giao hàng gì mà lâu thế",
        "dcm, trả tiền cho tao",
        "đ.m.m, nói mãi không hiểu",
        "clgt vậy shop?",
        "m ngu vl",
    ],
    dw: &[
        ("Mày đúng là đồ {dw}.", &["ngu"]),
        ("Đồ {dw}, trả tiền đây!", &["khon", "ngu"]),
    ],
    c_profanity: &[
        "Thật sự cái đơn hàng chết tiệt này từ đầu tới giờ toàn rắc rối.",
        "Mẹ kiếp, tôi chỉ muốn giải quyết cho xong.",
        "Đậu má, lần thứ hai rồi đó.",
        "Chết tiệt, lần nào đặt hàng online cũng bị vậy.",
    ],
    c_violence: &[
        "Hôm nay không giải quyết thì tôi tới tận văn phòng đập nát hết.",
        "Cứ lờ tôi đi, tôi sẽ tìm ra nhà mày ở đâu.",
        "Thề là đứa nào bảo tôi chờ nữa tôi đấm cho một trận.",
        "Liệu hồn đấy, đi đêm cẩn thận.",
    ],
    c_legal: &[
        "Nếu trước {day} không hoàn tiền, luật sư của tôi sẽ liên hệ với các người.",
        "Tôi sẽ kiện các người.",
        "Cần thì gặp nhau ở tòa.",
    ],
    c_chargeback: &[
        "Không hoàn tiền thì tôi sẽ yêu cầu ngân hàng hủy giao dịch.",
        "Hôm nay tôi mở khiếu nại trên PayPal luôn.",
        "Tôi sẽ gọi ngân hàng phát hành thẻ để khiếu nại khoản thanh toán này.",
    ],
    c_claim_amazon: &[
        "Tôi sẽ gửi khiếu nại A-to-z Guarantee lên Amazon.",
        "Mai mà chưa xong thì tôi mở khiếu nại A-to-z.",
    ],
    c_claim_ebay: &[
        "Hôm nay không có phản hồi thì tôi mở case trên eBay.",
        "Tôi sẽ mở case \"chưa nhận được hàng\" trên eBay.",
    ],
    c_claim_other: &[
        "Tôi sẽ khiếu nại đơn này lên {market}.",
        "Tôi sẽ báo cáo shop lên {market}.",
    ],
    c_review: &[
        "Tôi sẽ đánh giá 1 sao và kể cho mọi người biết.",
        "Tôi sẽ đăng toàn bộ cuộc trò chuyện này lên Facebook và TikTok.",
        "Cả hội nhóm trên Facebook sẽ biết shop đối xử với khách thế nào.",
    ],
    c_regulator: &[
        "Tôi sẽ gửi đơn lên Cục Cạnh tranh và Bảo vệ người tiêu dùng.",
        "Tôi sẽ khiếu nại lên Hội Bảo vệ người tiêu dùng.",
        "Tôi sẽ báo cáo vụ này lên Sở Công Thương.",
    ],
    c_churn: &[
        "Tôi sẽ không bao giờ mua của {brand} nữa.",
        "Xóa tài khoản của tôi đi. Tôi sang chỗ khác mua.",
        "Thôi đủ rồi, tôi chuyển sang hãng khác.",
    ],
    c_manager: &[
        "Cho tôi nói chuyện với quản lý của em.",
        "Chuyển cho cấp trên của em giúp tôi.",
        "Gọi người có thẩm quyền ra đây ngay.",
    ],
    c_repeat: &[
        [
            "Khi nào tôi nhận được tiền hoàn?",
            "Vậy chính xác bao giờ tiền mới về thẻ của tôi?",
            "Tôi hỏi lại lần nữa: ngày nào tôi nhận được tiền hoàn?",
        ],
        [
            "Kiện hàng của tôi giờ đang ở đâu?",
            "Em nói giúp tôi hàng thực sự đang nằm ở đâu được không?",
            "Lần nữa nhé: hàng đang ở đâu? Tôi chỉ cần biết nó ở đâu thôi.",
        ],
        [
            "Hàng thay thế đã được gửi chưa?",
            "Shop gửi hàng đổi rồi hay chưa?",
            "Hỏi lại lần nữa: món mới đã trên đường tới chưa?",
        ],
    ],
    c_card: &[
        "Thanh toán cứ bị lỗi hoài. Shop trừ tiền qua thẻ này giúp mình nhé: {card}, hết hạn {exp}.",
        "Số thẻ của mình đây, shop thanh toán giúp: {card} hạn {exp}",
        "Phần chênh lệch shop trừ vào thẻ này nha: {card}, hạn dùng {exp}.",
    ],
    c_change_email: &[
        "Chào shop, đổi giúp mình email tài khoản sang {email} nhé.",
        "Shop cập nhật email tài khoản của mình thành {email} được không? Email cũ mình không dùng nữa.",
    ],
    near_miss: &[
        "Cảm ơn shop! Yên tâm, mình không kiện ai đâu, chỉ muốn được hoàn tiền thôi.",
        "Dịch vụ tốt quá, mình sẽ đánh giá 5 sao!",
        "Cảm ơn em. Chồng mình họ Nguyễn, nếu anh ấy ra nhận hàng thì cứ giao nhé.",
        "Shipper bảo thùng hàng nặng vãi, nhưng giờ ổn rồi, cảm ơn shop.",
        "Cảm ơn shop, giá 500.000đ mà chất lượng vậy là quá ổn.",
        "Hàng đẹp chết đi được, cảm ơn shop!",
    ],

    a_deescalate: &[
        "Em rất xin lỗi vì đã làm {pron} bực mình như vậy, em muốn giúp {pron} ngay. Em sẽ xử lý luôn bây giờ ạ.",
        "Em hiểu {pron} đang rất bức xúc, em thành thật xin lỗi. Em sẽ trực tiếp theo dõi việc này ạ.",
        "Dạ em nghe {pron}. Em xin lỗi vì những phiền phức vừa qua, mình cùng giải quyết ngay nhé.",
    ],
    a_threat_ack: &[
        "Dạ em hiểu, và em rất tiếc vì sự việc đến mức này. Em muốn giải quyết ngay cho {pron} để {pron} không phải làm thêm bước nào nữa ạ.",
        "Em xin lỗi vì đã làm {pron} bực mình. {Pron} cho em cơ hội xử lý trước nhé, em có thể làm như sau:",
    ],
    a_insult: &[
        "Ngu thế? Trên trang ghi rõ rồi mà.",
        "Thôi đừng than nữa, đồ ngu. Tự đi mà xem mã vận đơn.",
        "Nói thật, vì mấy người như {pron} mà em ghét công việc này. Im lặng mà chờ đi.",
        "Học đọc đi rồi hẵng hỏi, đồ đần.",
    ],
    a_rude: &[
        "Cái đó không phải việc của em. Lẽ ra {pron} phải đọc mô tả trước khi mua chứ.",
        "Em nói rồi, em không làm gì được. {Pron} tự đi mà hỏi bên vận chuyển.",
        "Nói thật, giá đó thì {pron} còn mong gì nữa?",
        "Nếu {pron} làm đúng hướng dẫn thì đã không hỏng rồi.",
    ],
    a_curt: &["Đã ghi nhận.", "Sẽ xử lý.", "Chờ đi.", "Như trên.", "Ok."],
    a_promise: &[
        "Em hứa {pron} sẽ được hoàn tiền gấp đôi ạ.",
        "Em cam kết 100% hàng sẽ tới trước {day}.",
        "Em đảm bảo chuyện này sẽ không bao giờ xảy ra nữa.",
        "Em hoàn toàn bộ tiền, {pron} cứ giữ hàng, em còn gửi thêm một cái nữa miễn phí.",
    ],
    a_vague: &[
        "Bên em đang kiểm tra ạ.",
        "Team em đang xem xét ạ.",
        "{Pron} chờ thêm giúp em, đang xử lý ạ.",
        "Em đã chuyển thông tin nội bộ rồi ạ.",
    ],
    a_manager_ok: &[
        "Dạ em hiểu. Em sẽ mời trưởng nhóm vào hỗ trợ {pron} ạ.",
        "Dạ vâng, em chuyển cho quản lý của em ngay ạ.",
    ],
    a_lead_intro: &[
        "Chào {cust}, tôi là {agent}, trưởng nhóm chăm sóc khách hàng. Tôi đã đọc toàn bộ và thành thật xin lỗi về những gì đã xảy ra.",
        "Chào {cust}, tôi là {agent}, quản lý bộ phận hỗ trợ. Cảm ơn {pron} đã kiên nhẫn, từ giờ tôi sẽ trực tiếp xử lý.",
    ],
    a_refund_bare: &["Ok, hoàn tiền rồi.", "Em hoàn cho.", "Đã hoàn tiền."],
    a_email_changed: &[
        "Xong rồi ạ, email tài khoản của {pron} giờ là {email}.",
        "Dạ em đổi email tài khoản thành {email} rồi nhé.",
    ],
    a_address_changed: &[
        "Xong rồi ạ, địa chỉ giao hàng giờ là {street}.",
        "Dạ em đổi địa chỉ thành {street} rồi ạ.",
    ],
    a_card_warn: &[
        "{Pron} vui lòng không gửi số thẻ qua chat nhé. Để bảo mật, em đã xóa thông tin này khỏi ghi chú và sẽ gửi {pron} đường link thanh toán an toàn ạ.",
        "Cảm ơn {pron}, nhưng để an toàn, {pron} đừng bao giờ gửi đầy đủ thông tin thẻ qua tin nhắn nhé. Em đã xóa và gửi email đường link bảo mật để {pron} cập nhật phương thức thanh toán ạ.",
    ],
    a_late_sorry: &[
        "Em xin lỗi vì phản hồi trễ, dạo này lượng tin nhắn bên em rất lớn ạ.",
        "Thành thật xin lỗi {pron} vì bên em trả lời chậm.",
    ],
    a_internal: &[
        "Ghi chú nội bộ: liên hệ lại khách sau 3 ngày nếu vụ việc chưa xong.",
        "Ghi chú: đã kiểm tra kho, hàng xuất đúng hạn. Do đơn vị vận chuyển chậm.",
        "Ghi chú: trưởng nhóm đã duyệt hoàn tiền.",
    ],
};

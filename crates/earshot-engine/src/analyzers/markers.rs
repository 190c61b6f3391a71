//! Phrase markers: greetings, apologies, empathy, offers of further help, questions, requests for
//! a manager, identity checks and the like, in the nine languages. They are not findings; the
//! conversation stage builds findings from their presence or absence.

use aho_corasick::{AhoCorasick, MatchKind};
use earshot_model::Role;

use crate::{Mark, TurnAnalyzer, TurnContext, TurnResult};

/// `(mark, who says it, phrases)`. Phrases are matched in the folded (lower-case, NFKC) text.
const PHRASES: &[(Mark, Option<Role>, &[&str])] = &[
    (Mark::Greeting, Some(Role::Agent), &[
        "hello", "hi ", "good morning", "good afternoon", "good evening", "thank you for contacting",
        "thanks for reaching out", "hallo", "guten tag", "guten morgen", "moin", "vielen dank für ihre nachricht",
        "bonjour", "bonsoir", "hola", "buenos días", "buenas tardes", "お問い合わせいただき", "こんにちは",
        "いつもご利用", "您好", "你好", "感谢您的来信", "xin chào", "chào anh", "chào chị", "chào bạn",
        "สวัสดี", "مرحبا", "السلام عليكم", "أهلا",
    ]),
    (Mark::Closing, Some(Role::Agent), &[
        "have a nice day", "have a great day", "best regards", "kind regards", "take care",
        "schönen tag", "mit freundlichen grüßen", "viele grüße", "bonne journée", "cordialement",
        "que tenga un buen día", "buen día", "saludos", "よろしくお願いいたします", "失礼いたします",
        "祝您生活愉快", "祝您", "chúc anh", "chúc chị", "chúc bạn", "ขอให้มีวันที่ดี", "مع تحياتي", "يوم سعيد",
    ]),
    (Mark::FurtherHelp, Some(Role::Agent), &[
        "anything else", "further help", "further questions", "other questions", "let me know if",
        "feel free to", "noch etwas", "weitere fragen", "sonst noch", "autre chose", "autres questions",
        "n'hésitez pas", "algo más", "otra pregunta", "no dude en", "他にご不明", "ご不明な点",
        "还有其他", "其他问题", "随时联系", "còn gì", "cần hỗ trợ thêm", "มีอะไรให้ช่วย", "สอบถามเพิ่มเติม",
        "أي شيء آخر", "استفسار آخر",
    ]),
    (Mark::Apology, Some(Role::Agent), &[
        "sorry", "apologi", "apologise", "apologize", "entschuldig", "tut mir leid", "bedauern",
        "désolé", "désolée", "excuses", "lo siento", "disculp", "lamentamos", "申し訳", "すみません",
        "ご迷惑", "抱歉", "对不起", "不好意思", "xin lỗi", "ขอโทษ", "ขออภัย", "نعتذر", "آسف", "أعتذر",
    ]),
    (Mark::Empathy, Some(Role::Agent), &[
        "i understand", "i completely understand", "i can imagine", "frustrating", "that must be",
        "verstehe", "kann ich nachvollziehen", "je comprends", "comprends votre", "entiendo",
        "comprendo", "お気持ち", "理解します", "理解您", "非常理解", "tôi hiểu", "em hiểu", "เข้าใจ",
        "أتفهم", "نتفهم",
    ]),
    (Mark::Thanks, None, &[
        "thank", "thanks", "danke", "merci", "gracias", "ありがとう", "谢谢", "感谢", "cảm ơn",
        "ขอบคุณ", "شكرا", "شكراً",
    ]),
    (Mark::ManagerRequest, Some(Role::Customer), &[
        "manager", "supervisor", "your boss", "someone in charge", "vorgesetzt", "chef sprechen",
        "responsable", "superviseur", "gerente", "supervisor", "encargado", "上司", "責任者",
        "经理", "主管", "领导", "quản lý", "người phụ trách", "ผู้จัดการ", "หัวหน้า", "المدير", "مشرف",
    ]),
    (Mark::IdentityCheck, Some(Role::Agent), &[
        "verify your identity", "verify your account", "confirm your email", "confirm your date of birth",
        "security question", "postcode", "zip code", "last four digits", "identität", "geburtsdatum",
        "vérifier votre identité", "date de naissance", "verificar su identidad", "fecha de nacimiento",
        "ご本人確認", "本人確認", "生年月日", "验证您的身份", "身份验证", "核实", "xác minh", "ยืนยันตัวตน",
        "التحقق من هويتك",
    ]),
    (Mark::AccountChange, Some(Role::Agent), &[
        "changed your address", "updated your address", "changed the email", "updated your email",
        "changed your password", "reset your password", "updated the shipping address",
        "adresse geändert", "e-mail geändert", "adresse a été modifiée", "cambiado su dirección",
        "住所を変更", "修改了您的地址", "已更改", "đã thay đổi địa chỉ", "เปลี่ยนที่อยู่", "تم تغيير العنوان",
    ]),
    (Mark::RefundTopic, None, &[
        "refund", "money back", "return", "rückerstattung", "erstattung", "rücksendung", "geld zurück",
        "remboursement", "retour", "reembolso", "devolución", "返金", "返品", "退款", "退货", "hoàn tiền",
        "trả hàng", "คืนเงิน", "คืนสินค้า", "استرداد", "إرجاع",
    ]),
    (Mark::RefundExplained, Some(Role::Agent), &[
        "business days", "working days", "within 5", "within 7", "within 3", "return label",
        "original payment method", "werktage", "rücksendeetikett", "jours ouvrés", "étiquette de retour",
        "días hábiles", "etiqueta de devolución", "営業日", "返品ラベル", "个工作日", "原路退回",
        "ngày làm việc", "วันทำการ", "أيام عمل",
    ]),
    (Mark::ShippingTopic, Some(Role::Customer), &[
        "where is my order", "not arrived", "hasn't arrived", "not received", "delivery", "shipping",
        "package", "parcel", "lieferung", "paket", "nicht angekommen", "livraison", "colis",
        "pas reçu", "envío", "paquete", "no ha llegado", "届いて", "配送", "发货", "快递", "没收到",
        "giao hàng", "chưa nhận", "พัสดุ", "ยังไม่ได้รับ", "الشحن", "لم يصل",
    ]),
    (Mark::TrackingConfirmed, Some(Role::Agent), &[
        "tracking number", "tracking", "sendungsnummer", "sendungsverfolgung", "numéro de suivi",
        "número de seguimiento", "追跡番号", "快递单号", "物流单号", "mã vận đơn", "เลขพัสดุ", "رقم التتبع",
    ]),
    (Mark::OrderConfirmed, Some(Role::Agent), &[
        "order number", "your order", "order #", "bestellnummer", "ihre bestellung", "numéro de commande",
        "votre commande", "número de pedido", "su pedido", "注文番号", "ご注文", "订单号", "您的订单",
        "mã đơn hàng", "đơn hàng của", "หมายเลขคำสั่งซื้อ", "رقم الطلب",
    ]),
    (Mark::Promise, Some(Role::Agent), &[
        "i promise", "guarantee", "guaranteed", "double refund", "versprech", "garantiert", "je promets",
        "garanti", "le prometo", "garantizado", "お約束します", "保証します", "保证", "我承诺", "cam kết",
        "hứa", "รับประกัน", "สัญญา", "أعدك", "نضمن",
    ]),
];

pub struct Markers {
    ac: AhoCorasick,
    /// For each pattern, the index into `PHRASES`.
    owner: Vec<usize>,
}

impl Markers {
    pub fn new() -> Markers {
        let mut pats = Vec::new();
        let mut owner = Vec::new();
        for (i, (_, _, list)) in PHRASES.iter().enumerate() {
            for p in *list {
                pats.push(*p);
                owner.push(i);
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&pats)
            .unwrap_or_else(|_| unreachable!("the built-in phrase list is valid"));
        Markers { ac, owner }
    }
}

impl Default for Markers {
    fn default() -> Markers {
        Markers::new()
    }
}

impl TurnAnalyzer for Markers {
    fn name(&self) -> &'static str {
        "markers"
    }

    fn analyze(&self, turn: &TurnContext<'_>, out: &mut TurnResult) {
        let text = turn.norm.as_str();
        for m in self.ac.find_overlapping_iter(text) {
            let (mark, role, _) = PHRASES[self.owner[m.pattern().as_usize()]];
            if role.is_none_or(|r| r == turn.role) {
                out.mark(mark, turn.norm.original_span(m.range()));
            }
        }
        if turn.role == Role::Customer
            && let Some(q) = text.find(['?', '？', '؟'])
        {
            out.mark(Mark::Question, turn.norm.original_span(q..q + 1));
        }
    }
}

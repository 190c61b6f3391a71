//! One Aho-Corasick pass over the text finds the words that announce an address or a name
//! ("Straße", "rue", "〒", "ถนน", "my name is", "我叫", "Frau"), so that the slower address
//! and name patterns run only on the few texts that can hold one.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// Address pattern families, one bit each.
pub(crate) mod addr {
    pub const EN: u16 = 1;
    pub const DE: u16 = 1 << 1;
    pub const FR: u16 = 1 << 2;
    pub const ES: u16 = 1 << 3;
    pub const JA: u16 = 1 << 4;
    pub const ZH: u16 = 1 << 5;
    pub const VI: u16 = 1 << 6;
    pub const TH: u16 = 1 << 7;
    pub const AR: u16 = 1 << 8;
    pub const CITY: u16 = 1 << 9;
}

/// What a name trigger announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameCue {
    /// "my name is", "ich heiße", "me llamo", "tôi tên là": capitalised words follow.
    After,
    /// "Mr.", "Frau", "Madame", "Sr.": a capitalised surname follows.
    Title,
    /// "Hi", "Dear", "Bonjour", "Hola": a capitalised name may follow, then a comma.
    Greeting,
    /// "Regards,", "Cordialement,": a signature follows.
    Signoff,
    /// Vietnamese kinship pronouns used as titles: "anh", "chị", "em".
    ViPronoun,
    /// "私は", "私の名前は": a name ending in です or と申します.
    JaAfter,
    /// "と申します": the name stands before.
    JaBefore,
    /// "我叫", "我的名字是": two or three Han characters follow.
    ZhAfter,
    /// "我是": a name follows only if it starts with a common surname.
    ZhShi,
    /// "先生", "女士": the surname stands just before.
    ZhHonorific,
    /// "ฉันชื่อ", "ผมชื่อ": a Thai name follows.
    ThAfter,
    /// "คุณ": a Thai first name may follow.
    ThKhun,
    /// "اسمي": one or two Arabic words follow.
    ArAfter,
    /// "السيد", "أستاذ": an Arabic name follows.
    ArTitle,
}

#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    addr: u16,
    name: Option<NameCue>,
}

/// The trigger automaton, built once per redactor.
#[derive(Debug, Clone)]
pub(crate) struct Triggers {
    ac: AhoCorasick,
    entries: Vec<Entry>,
}

/// What one pass found.
#[derive(Debug, Default)]
pub(crate) struct Fired {
    pub addr: u16,
    /// Name cues with the byte range of the trigger.
    pub names: Vec<(NameCue, usize, usize)>,
}

impl Fired {
    pub fn any_address(&self) -> bool {
        self.addr != 0
    }
}

const PREFECTURES: [&str; 47] = [
    "北海道",
    "青森県",
    "岩手県",
    "宮城県",
    "秋田県",
    "山形県",
    "福島県",
    "茨城県",
    "栃木県",
    "群馬県",
    "埼玉県",
    "千葉県",
    "東京都",
    "神奈川県",
    "新潟県",
    "富山県",
    "石川県",
    "福井県",
    "山梨県",
    "長野県",
    "岐阜県",
    "静岡県",
    "愛知県",
    "三重県",
    "滋賀県",
    "京都府",
    "大阪府",
    "兵庫県",
    "奈良県",
    "和歌山県",
    "鳥取県",
    "島根県",
    "岡山県",
    "広島県",
    "山口県",
    "徳島県",
    "香川県",
    "愛媛県",
    "高知県",
    "福岡県",
    "佐賀県",
    "長崎県",
    "熊本県",
    "大分県",
    "宮崎県",
    "鹿児島県",
    "沖縄県",
];

pub(crate) fn prefectures() -> &'static [&'static str] {
    &PREFECTURES
}

/// Cities whose name next to a five-digit postcode makes the pair an address.
pub(crate) const CITIES: [&str; 40] = [
    "Berlin",
    "Hamburg",
    "München",
    "Köln",
    "Frankfurt",
    "Stuttgart",
    "Düsseldorf",
    "Dresden",
    "Leipzig",
    "Hannover",
    "Nürnberg",
    "Bremen",
    "Wien",
    "Zürich",
    "Paris",
    "Lyon",
    "Marseille",
    "Toulouse",
    "Nice",
    "Nantes",
    "Bordeaux",
    "Lille",
    "Strasbourg",
    "Montpellier",
    "Rennes",
    "Madrid",
    "Barcelona",
    "Valencia",
    "Sevilla",
    "Zaragoza",
    "Málaga",
    "Bilbao",
    "Murcia",
    "Palma",
    "Alicante",
    "Granada",
    "Milano",
    "Roma",
    "Bruxelles",
    "Lisboa",
];

/// The automaton folds ASCII case only, so non-ASCII words are listed as written.
fn key(w: &str) -> String {
    if w.is_ascii() {
        w.to_ascii_lowercase()
    } else {
        w.to_string()
    }
}

impl Triggers {
    pub fn new() -> Triggers {
        use addr::*;
        let mut map: BTreeMap<String, Entry> = BTreeMap::new();
        let add_addr = |words: &[&str], bit: u16, map: &mut BTreeMap<String, Entry>| {
            for w in words {
                map.entry(key(w)).or_default().addr |= bit;
            }
        };
        add_addr(
            &[
                "street",
                "st.",
                " st ",
                " st,",
                "road",
                "rd.",
                "avenue",
                "ave",
                "lane",
                "drive",
                "boulevard",
                "blvd",
                "terrace",
                "close",
                "crescent",
                "court",
                "place",
                "way",
                "square",
                "parkway",
                "highway",
            ],
            EN,
            &mut map,
        );
        add_addr(
            &[
                "straße", "strasse", "str.", "weg", "platz", "allee", "gasse", "ring", "damm",
                "ufer", "chaussee",
            ],
            DE,
            &mut map,
        );
        add_addr(
            &[
                "rue",
                "avenue",
                "boulevard",
                "bd ",
                "place",
                "chemin",
                "allée",
                "impasse",
                "quai",
                "route",
                "cours",
            ],
            FR,
            &mut map,
        );
        add_addr(
            &[
                "calle",
                "c/",
                "avenida",
                "avda",
                "av.",
                "paseo",
                "plaza",
                "pza",
                "carrera",
                "camino",
                "ronda",
                "travesía",
                "carretera",
            ],
            ES,
            &mut map,
        );
        add_addr(&["〒"], JA, &mut map);
        add_addr(&PREFECTURES, JA, &mut map);
        add_addr(&["市", "路", "街", "号", "区", "县"], ZH, &mut map);
        add_addr(
            &[
                "quận",
                "Quận",
                "phường",
                "Phường",
                "đường",
                "Đường",
                "phố",
                "Phố",
                "huyện",
                "Huyện",
                "q.",
                "p.",
                "tp.",
            ],
            VI,
            &mut map,
        );
        add_addr(
            &["ถนน", "ถ.", "แขวง", "เขต", "ตำบล", "อำเภอ", "ซอย"],
            TH,
            &mut map,
        );
        add_addr(&["شارع"], AR, &mut map);
        add_addr(&CITIES, CITY, &mut map);
        let mut add_name = |words: &[&str], cue: NameCue| {
            for w in words {
                map.entry(key(w)).or_default().name = Some(cue);
            }
        };
        add_name(
            &[
                "my name is",
                "my name's",
                "name is",
                "this is",
                "i'm called",
                "ich heiße",
                "ich heisse",
                "mein name ist",
                "mein name lautet",
                "hier ist",
                "je m'appelle",
                "je m’appelle",
                "mon nom est",
                "me llamo",
                "mi nombre es",
                "soy",
                "tôi tên là",
                "tên tôi là",
                "tên em là",
                "em tên là",
                "mình tên là",
                "tên mình là",
                "tôi là",
                "em là",
                "anh là",
                "chị là",
                "mình là",
            ],
            NameCue::After,
        );
        add_name(
            &[
                "mr.",
                "mr ",
                "mrs.",
                "mrs ",
                "ms.",
                "ms ",
                "miss ",
                "dr.",
                "herr ",
                "frau ",
                "monsieur ",
                "madame ",
                "mme ",
                "mlle ",
                "sr.",
                "sra.",
                "srta.",
                "señor ",
                "señora ",
            ],
            NameCue::Title,
        );
        add_name(
            &[
                "hi ",
                "hello ",
                "hey ",
                "dear ",
                "hallo ",
                "liebe ",
                "lieber ",
                "bonjour ",
                "salut ",
                "hola ",
                "estimado ",
                "estimada ",
                "buenas tardes ",
                "buenos días ",
                "chào ",
            ],
            NameCue::Greeting,
        );
        add_name(
            &[
                "regards,",
                "regards",
                "grüßen,",
                "grüße,",
                "cordialement,",
                "saludos,",
                "un saludo,",
                "atentamente,",
                "sincerely,",
                "cheers,",
            ],
            NameCue::Signoff,
        );
        add_name(
            &["anh ", "chị ", "em ", "cô ", "chú ", "ông ", "bà "],
            NameCue::ViPronoun,
        );
        add_name(
            &["私は", "わたしは", "私の名前は", "名前は"],
            NameCue::JaAfter,
        );
        add_name(&["と申します"], NameCue::JaBefore);
        add_name(
            &["我叫", "我的名字是", "我的名字叫", "我名叫"],
            NameCue::ZhAfter,
        );
        add_name(&["我是"], NameCue::ZhShi);
        add_name(&["先生", "女士", "小姐", "太太"], NameCue::ZhHonorific);
        add_name(&["ฉันชื่อ", "ผมชื่อ", "ดิฉันชื่อ", "หนูชื่อ"], NameCue::ThAfter);
        add_name(&["คุณ"], NameCue::ThKhun);
        add_name(&["اسمي", "اسمى", "إسمي"], NameCue::ArAfter);
        add_name(
            &[
                "السيد",
                "السيدة",
                "الأستاذ",
                "أستاذ",
                "الاستاذ",
                "استاذ",
                "الأستاذة",
                "أستاذة",
            ],
            NameCue::ArTitle,
        );
        let (patterns, entries): (Vec<String>, Vec<Entry>) = map.into_iter().unzip();
        // The patterns are fixed literals, so building cannot fail; an empty automaton would
        // only disable the cues, never the digit-based kinds.
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .unwrap_or_else(|_| AhoCorasick::new(Vec::<String>::new()).expect("empty automaton"));
        Triggers { ac, entries }
    }

    pub fn scan(&self, text: &str) -> Fired {
        let mut fired = Fired::default();
        for m in self.ac.find_overlapping_iter(text) {
            let e = self.entries[m.pattern().as_usize()];
            fired.addr |= e.addr;
            if let Some(cue) = e.name {
                fired.names.push((cue, m.start(), m.end()));
            }
        }
        fired
    }
}

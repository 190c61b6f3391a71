//! Invented personal names per language, and how a speaker addresses a customer.

use crate::lang::Lang;

/// A name as written natively, with a romanised form for e-mail handles.
type Name = (&'static str, &'static str);

struct NameTable {
    female: &'static [Name],
    male: &'static [Name],
    family: &'static [Name],
}

static EN: NameTable = NameTable {
    female: &[
        ("Emma", "emma"),
        ("Olivia", "olivia"),
        ("Sophie", "sophie"),
        ("Grace", "grace"),
        ("Chloe", "chloe"),
        ("Megan", "megan"),
        ("Hannah", "hannah"),
        ("Lauren", "lauren"),
    ],
    male: &[
        ("James", "james"),
        ("Liam", "liam"),
        ("Daniel", "daniel"),
        ("Ryan", "ryan"),
        ("Jack", "jack"),
        ("Ethan", "ethan"),
        ("Noah", "noah"),
        ("Connor", "connor"),
    ],
    family: &[
        ("Smith", "smith"),
        ("Johnson", "johnson"),
        ("Walker", "walker"),
        ("Thompson", "thompson"),
        ("Miller", "miller"),
        ("Clarke", "clarke"),
        ("Bennett", "bennett"),
        ("Hughes", "hughes"),
        ("Parker", "parker"),
        ("Reed", "reed"),
    ],
};

static DE: NameTable = NameTable {
    female: &[
        ("Anna", "anna"),
        ("Lena", "lena"),
        ("Katharina", "katharina"),
        ("Sabine", "sabine"),
        ("Julia", "julia"),
        ("Sophie", "sophie"),
        ("Monika", "monika"),
    ],
    male: &[
        ("Lukas", "lukas"),
        ("Jonas", "jonas"),
        ("Thomas", "thomas"),
        ("Stefan", "stefan"),
        ("Markus", "markus"),
        ("Felix", "felix"),
        ("Jürgen", "juergen"),
    ],
    family: &[
        ("Müller", "mueller"),
        ("Schneider", "schneider"),
        ("Fischer", "fischer"),
        ("Weber", "weber"),
        ("Becker", "becker"),
        ("Hoffmann", "hoffmann"),
        ("Schäfer", "schaefer"),
        ("Wagner", "wagner"),
    ],
};

static JA: NameTable = NameTable {
    female: &[
        ("陽菜", "hina"),
        ("美咲", "misaki"),
        ("由美", "yumi"),
        ("彩", "aya"),
        ("恵子", "keiko"),
    ],
    male: &[
        ("健一", "kenichi"),
        ("翔太", "shota"),
        ("大輔", "daisuke"),
        ("拓也", "takuya"),
        ("誠", "makoto"),
    ],
    family: &[
        ("田中", "tanaka"),
        ("佐藤", "sato"),
        ("鈴木", "suzuki"),
        ("高橋", "takahashi"),
        ("伊藤", "ito"),
        ("渡辺", "watanabe"),
        ("山本", "yamamoto"),
        ("中村", "nakamura"),
    ],
};

static ES: NameTable = NameTable {
    female: &[
        ("María", "maria"),
        ("Lucía", "lucia"),
        ("Carmen", "carmen"),
        ("Sofía", "sofia"),
        ("Valentina", "valentina"),
        ("Paula", "paula"),
    ],
    male: &[
        ("Javier", "javier"),
        ("Carlos", "carlos"),
        ("Alejandro", "alejandro"),
        ("Diego", "diego"),
        ("Pablo", "pablo"),
        ("Miguel", "miguel"),
    ],
    family: &[
        ("García", "garcia"),
        ("Martínez", "martinez"),
        ("López", "lopez"),
        ("Sánchez", "sanchez"),
        ("Fernández", "fernandez"),
        ("Rodríguez", "rodriguez"),
        ("Hernández", "hernandez"),
        ("Ramírez", "ramirez"),
    ],
};

static FR: NameTable = NameTable {
    female: &[
        ("Camille", "camille"),
        ("Chloé", "chloe"),
        ("Manon", "manon"),
        ("Julie", "julie"),
        ("Élodie", "elodie"),
        ("Claire", "claire"),
    ],
    male: &[
        ("Thomas", "thomas"),
        ("Nicolas", "nicolas"),
        ("Julien", "julien"),
        ("Mathieu", "mathieu"),
        ("Antoine", "antoine"),
        ("Louis", "louis"),
    ],
    family: &[
        ("Martin", "martin"),
        ("Bernard", "bernard"),
        ("Dubois", "dubois"),
        ("Moreau", "moreau"),
        ("Laurent", "laurent"),
        ("Lefebvre", "lefebvre"),
        ("Girard", "girard"),
        ("Fontaine", "fontaine"),
    ],
};

/// Vietnamese given names carry their middle name; people are addressed by the last syllable.
static VI: NameTable = NameTable {
    female: &[
        ("Thị Lan", "lan"),
        ("Thu Hương", "huong"),
        ("Thùy Trang", "trang"),
        ("Khánh Linh", "linh"),
        ("Phương Thảo", "thao"),
    ],
    male: &[
        ("Văn Minh", "minh"),
        ("Đức Anh", "anh"),
        ("Quốc Huy", "huy"),
        ("Minh Tuấn", "tuan"),
        ("Hoàng Nam", "nam"),
    ],
    family: &[
        ("Nguyễn", "nguyen"),
        ("Trần", "tran"),
        ("Lê", "le"),
        ("Phạm", "pham"),
        ("Hoàng", "hoang"),
        ("Vũ", "vu"),
        ("Đặng", "dang"),
        ("Bùi", "bui"),
    ],
};

static TH: NameTable = NameTable {
    female: &[
        ("สมศรี", "somsri"),
        ("นภัสสร", "napatsorn"),
        ("กมลชนก", "kamonchanok"),
        ("พิมพ์ชนก", "pimchanok"),
        ("อรอุมา", "onuma"),
    ],
    male: &[
        ("สมชาย", "somchai"),
        ("ธนากร", "thanakorn"),
        ("ณัฐวุฒิ", "nattawut"),
        ("กิตติพงษ์", "kittipong"),
        ("วีระพงษ์", "weerapong"),
    ],
    family: &[
        ("ใจดี", "jaidee"),
        ("ศรีสุข", "srisuk"),
        ("วงศ์สวัสดิ์", "wongsawat"),
        ("แสงทอง", "saengthong"),
        ("บุญมา", "boonma"),
        ("พรหมมา", "promma"),
    ],
};

static AR: NameTable = NameTable {
    female: &[
        ("فاطمة", "fatima"),
        ("نورة", "noura"),
        ("ليلى", "layla"),
        ("سارة", "sara"),
        ("مريم", "maryam"),
    ],
    male: &[
        ("أحمد", "ahmed"),
        ("محمد", "mohammed"),
        ("خالد", "khaled"),
        ("عمر", "omar"),
        ("يوسف", "youssef"),
    ],
    family: &[
        ("الحربي", "alharbi"),
        ("العتيبي", "alotaibi"),
        ("المنصوري", "almansoori"),
        ("الشمري", "alshammari"),
        ("حسن", "hassan"),
        ("القحطاني", "alqahtani"),
    ],
};

static ZH: NameTable = NameTable {
    female: &[
        ("丽", "li"),
        ("静", "jing"),
        ("敏", "min"),
        ("婷", "ting"),
        ("雪", "xue"),
        ("晓燕", "xiaoyan"),
    ],
    male: &[
        ("伟", "wei"),
        ("强", "qiang"),
        ("磊", "lei"),
        ("军", "jun"),
        ("浩", "hao"),
        ("建国", "jianguo"),
    ],
    family: &[
        ("王", "wang"),
        ("李", "li"),
        ("张", "zhang"),
        ("刘", "liu"),
        ("陈", "chen"),
        ("杨", "yang"),
        ("赵", "zhao"),
        ("黄", "huang"),
    ],
};

fn table(lang: Lang) -> &'static NameTable {
    match lang {
        Lang::En => &EN,
        Lang::De => &DE,
        Lang::Ja => &JA,
        Lang::Es => &ES,
        Lang::Fr => &FR,
        Lang::Vi => &VI,
        Lang::Th => &TH,
        Lang::Ar => &AR,
        Lang::Zh => &ZH,
    }
}

/// A customer's name in their own language.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PersonName {
    pub(crate) lang: Lang,
    pub(crate) female: bool,
    pub(crate) given: Name,
    pub(crate) family: Name,
}

impl PersonName {
    /// Picks a name from the table of `lang` using two random numbers.
    pub(crate) fn pick(lang: Lang, female: bool, a: u64, b: u64) -> PersonName {
        let t = table(lang);
        let givens = if female { t.female } else { t.male };
        let given = givens[(a % givens.len() as u64) as usize];
        let family = t.family[(b % t.family.len() as u64) as usize];
        PersonName {
            lang,
            female,
            given,
            family,
        }
    }

    /// The full name in the order and spacing of the customer's language.
    pub(crate) fn full(&self) -> String {
        let mut out = String::with_capacity(32);
        self.write_full(&mut out);
        out
    }

    /// Writes the full name in the order and spacing of the customer's language.
    pub(crate) fn write_full(&self, out: &mut String) {
        let (g, f) = (self.given.0, self.family.0);
        let (first, sep, second) = match self.lang {
            Lang::Ja | Lang::Vi => (f, " ", g),
            Lang::Zh => (f, "", g),
            _ => (g, " ", f),
        };
        out.push_str(first);
        out.push_str(sep);
        out.push_str(second);
    }

    /// The syllable Vietnamese speakers call someone by: the last part of the given name.
    fn call_name(&self) -> &'static str {
        self.given.0.rsplit(' ').next().unwrap_or(self.given.0)
    }

    /// Writes how a speaker of `speaker` addresses this customer in a greeting.
    pub(crate) fn write_addressee(&self, speaker: Lang, out: &mut String) {
        let (g, f) = (self.given.0, self.family.0);
        let (a, b, c) = match speaker {
            Lang::De => (if self.female { "Frau " } else { "Herr " }, f, ""),
            Lang::Fr => (if self.female { "Madame " } else { "Monsieur " }, f, ""),
            Lang::Ja => (f, "様", ""),
            Lang::Zh => (f, if self.female { "女士" } else { "先生" }, ""),
            Lang::Vi => (
                if self.female { "chị " } else { "anh " },
                self.call_name(),
                "",
            ),
            Lang::Th => ("คุณ", g, ""),
            // English, Spanish and Arabic service writing uses the given name. Customers served
            // in another language keep the form their own culture uses: the Vietnamese call
            // name, the full Chinese or Japanese name.
            Lang::En | Lang::Es | Lang::Ar => match self.lang {
                Lang::Vi => (self.call_name(), "", ""),
                Lang::Ja => (f, " ", g),
                Lang::Zh => (f, g, ""),
                _ => (g, "", ""),
            },
        };
        out.push_str(a);
        out.push_str(b);
        out.push_str(c);
    }

    /// Writes a plausible e-mail handle built from the romanised name.
    pub(crate) fn write_handle(&self, out: &mut String) {
        out.push_str(self.given.1);
        out.push('.');
        out.push_str(self.family.1);
    }
}

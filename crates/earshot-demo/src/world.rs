//! The invented world the demo conversations happen in: countries with their currency, time
//! zone, marketplaces, carriers and addresses, and the customers who live there.

use std::fmt::Write as _;

use crate::catalog::{BRANDS, Brand};
use crate::lang::Lang;
use crate::names::PersonName;
use crate::rng::{Rng, derive};

/// One customer country.
pub(crate) struct Country {
    pub(crate) code: &'static str,
    pub(crate) lang: Lang,
    pub(crate) currency: &'static str,
    /// Fixed offset from UTC in hours; daylight saving time is ignored on purpose so that the
    /// data never depends on a time-zone database.
    pub(crate) utc_offset: i64,
    /// Relative share of customers, in quarter percent.
    weight: u32,
    pub(crate) amazon: Option<&'static str>,
    pub(crate) ebay: Option<&'static str>,
    /// Other marketplaces (domain, display name) used where Amazon and eBay are not.
    pub(crate) regional: &'static [(&'static str, &'static str)],
    /// Carrier name and tracking-number pattern: `D` is a digit, `A` an upper-case letter.
    pub(crate) carriers: &'static [(&'static str, &'static str)],
    pub(crate) streets: &'static [&'static str],
    pub(crate) zips: &'static [&'static str],
}

/// English is about 30% of customers; the eight other languages share the rest about equally.
pub(crate) static COUNTRIES: [Country; 20] = [
    Country {
        code: "US",
        lang: Lang::En,
        currency: "USD",
        utc_offset: -5,
        weight: 68,
        amazon: Some("amazon.com"),
        ebay: Some("ebay.com"),
        regional: &[("walmart.com", "Walmart")],
        carriers: &[
            ("UPS", "1Z9AADDDDDDDDDDDDD"),
            ("USPS", "9400DDDDDDDDDDDDDDDDDD"),
        ],
        streets: &[
            "1250 Oak Avenue, Apt 4B, Denver, CO 80203",
            "77 Harbor Road, Portland, ME 04101",
        ],
        zips: &["60614", "94110", "30307"],
    },
    Country {
        code: "GB",
        lang: Lang::En,
        currency: "GBP",
        utc_offset: 0,
        weight: 28,
        amazon: Some("amazon.co.uk"),
        ebay: Some("ebay.co.uk"),
        regional: &[],
        carriers: &[("Royal Mail", "AADDDDDDDDDGB"), ("DPD", "DDDDDDDDDDDDDD")],
        streets: &[
            "14 Rosebery Road, Leeds LS6 2AB",
            "3 Mill Lane, Bristol BS1 6QH",
        ],
        zips: &["M4 1HN", "SW9 8DR", "EH6 5JQ"],
    },
    Country {
        code: "AU",
        lang: Lang::En,
        currency: "AUD",
        utc_offset: 10,
        weight: 12,
        amazon: Some("amazon.com.au"),
        ebay: Some("ebay.com.au"),
        regional: &[],
        carriers: &[("Australia Post", "AAADDDDDDDDD")],
        streets: &[
            "27 Beach Street, Coogee NSW 2034",
            "5 Wattle Court, Brunswick VIC 3056",
        ],
        zips: &["2010", "3121", "4000"],
    },
    Country {
        code: "CA",
        lang: Lang::En,
        currency: "CAD",
        utc_offset: -5,
        weight: 12,
        amazon: Some("amazon.ca"),
        ebay: Some("ebay.ca"),
        regional: &[],
        carriers: &[("Canada Post", "DDDDDDDDDDDDDDDD")],
        streets: &[
            "88 Queen Street West, Toronto, ON M5H 2N2",
            "410 Rue Principale, Gatineau, QC J9H 3L2",
        ],
        zips: &["M5V 2T6", "V6B 1A1", "H2X 1Y4"],
    },
    Country {
        code: "DE",
        lang: Lang::De,
        currency: "EUR",
        utc_offset: 1,
        weight: 26,
        amazon: Some("amazon.de"),
        ebay: Some("ebay.de"),
        regional: &[],
        carriers: &[
            ("DHL", "00340434DDDDDDDDDDDD"),
            ("Hermes", "DDDDDDDDDDDDDD"),
        ],
        streets: &["Bergmannstraße 21, 10961 Berlin", "Lindenweg 7, 50667 Köln"],
        zips: &["80331", "20095", "70173"],
    },
    Country {
        code: "AT",
        lang: Lang::De,
        currency: "EUR",
        utc_offset: 1,
        weight: 5,
        amazon: Some("amazon.de"),
        ebay: Some("ebay.at"),
        regional: &[],
        carriers: &[("Österreichische Post", "DDDDDDDDDDDDDDDDDDDDD")],
        streets: &["Mariahilfer Straße 45, 1060 Wien"],
        zips: &["1010", "8010", "5020"],
    },
    Country {
        code: "CH",
        lang: Lang::De,
        currency: "CHF",
        utc_offset: 1,
        weight: 4,
        amazon: Some("amazon.de"),
        ebay: Some("ebay.ch"),
        regional: &[],
        carriers: &[("Die Post", "99.DD.DDDDDD.DDDDDDDD")],
        streets: &["Langstrasse 112, 8004 Zürich"],
        zips: &["8001", "3011", "4051"],
    },
    Country {
        code: "JP",
        lang: Lang::Ja,
        currency: "JPY",
        utc_offset: 9,
        weight: 35,
        amazon: Some("amazon.co.jp"),
        ebay: None,
        regional: &[("rakuten.co.jp", "楽天市場")],
        carriers: &[("ヤマト運輸", "DDDDDDDDDDDD"), ("佐川急便", "DDDDDDDDDDDD")],
        streets: &["東京都世田谷区三軒茶屋2-14-7", "大阪府大阪市北区梅田1-3-1"],
        zips: &["150-0002", "530-0001", "460-0008"],
    },
    Country {
        code: "ES",
        lang: Lang::Es,
        currency: "EUR",
        utc_offset: 1,
        weight: 19,
        amazon: Some("amazon.es"),
        ebay: Some("ebay.es"),
        regional: &[],
        carriers: &[
            ("Correos", "PQDDDDDDDDDDDDDDDDDDDDD"),
            ("SEUR", "DDDDDDDDDDDDDD"),
        ],
        streets: &[
            "Calle de Alcalá 120, 28009 Madrid",
            "Carrer de Mallorca 250, 08008 Barcelona",
        ],
        zips: &["28013", "41001", "46002"],
    },
    Country {
        code: "MX",
        lang: Lang::Es,
        currency: "MXN",
        utc_offset: -6,
        weight: 16,
        amazon: Some("amazon.com.mx"),
        ebay: None,
        regional: &[("mercadolibre.com.mx", "Mercado Libre")],
        carriers: &[
            ("Estafeta", "DDDDDDDDDDDDDDDDDDDDDD"),
            ("DHL", "DDDDDDDDDD"),
        ],
        streets: &[
            "Av. Insurgentes Sur 1602, Col. Crédito Constructor, 03940 Ciudad de México",
            "Calle Morelos 45, Centro, 44100 Guadalajara",
        ],
        zips: &["06700", "64000", "72000"],
    },
    Country {
        code: "FR",
        lang: Lang::Fr,
        currency: "EUR",
        utc_offset: 1,
        weight: 31,
        amazon: Some("amazon.fr"),
        ebay: Some("ebay.fr"),
        regional: &[("cdiscount.com", "Cdiscount")],
        carriers: &[
            ("Colissimo", "6ADDDDDDDDDDD"),
            ("Chronopost", "AADDDDDDDDDFR"),
        ],
        streets: &[
            "12 rue des Lilas, 69003 Lyon",
            "8 avenue Jean Jaurès, 31000 Toulouse",
        ],
        zips: &["75011", "13001", "33000"],
    },
    Country {
        code: "BE",
        lang: Lang::Fr,
        currency: "EUR",
        utc_offset: 1,
        weight: 4,
        amazon: Some("amazon.com.be"),
        ebay: Some("ebay.be"),
        regional: &[],
        carriers: &[("bpost", "DDDDDDDDDDDDDDDDDDDDDDDD")],
        streets: &["Rue de la Loi 42, 1040 Bruxelles"],
        zips: &["1000", "4000", "5000"],
    },
    Country {
        code: "VN",
        lang: Lang::Vi,
        currency: "VND",
        utc_offset: 7,
        weight: 35,
        amazon: None,
        ebay: None,
        regional: &[("shopee.vn", "Shopee"), ("lazada.vn", "Lazada")],
        carriers: &[
            ("Giao Hàng Nhanh", "GHNDDDDDDDDD"),
            ("Viettel Post", "DDDDDDDDDDD"),
        ],
        streets: &[
            "45 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh",
            "12 Phố Huế, Quận Hai Bà Trưng, Hà Nội",
        ],
        zips: &["700000", "100000", "550000"],
    },
    Country {
        code: "TH",
        lang: Lang::Th,
        currency: "THB",
        utc_offset: 7,
        weight: 35,
        amazon: None,
        ebay: None,
        regional: &[("shopee.co.th", "Shopee"), ("lazada.co.th", "Lazada")],
        carriers: &[
            ("Kerry Express", "KERDDDDDDDDDD"),
            ("ไปรษณีย์ไทย", "EADDDDDDDDDTH"),
        ],
        streets: &[
            "99/12 ซอยสุขุมวิท 24 แขวงคลองตัน เขตคลองเตย กรุงเทพฯ 10110",
            "55 ถนนนิมมานเหมินท์ ตำบลสุเทพ อำเภอเมือง เชียงใหม่ 50200",
        ],
        zips: &["10330", "50200", "83000"],
    },
    Country {
        code: "SA",
        lang: Lang::Ar,
        currency: "SAR",
        utc_offset: 3,
        weight: 16,
        amazon: Some("amazon.sa"),
        ebay: None,
        regional: &[("noon.com", "نون")],
        carriers: &[("Aramex", "DDDDDDDDDDD"), ("SMSA", "DDDDDDDDDDDD")],
        streets: &[
            "حي النخيل، شارع الأمير سلطان، الرياض 12384",
            "حي الروضة، شارع التحلية، جدة 23435",
        ],
        zips: &["12211", "21442", "31952"],
    },
    Country {
        code: "AE",
        lang: Lang::Ar,
        currency: "AED",
        utc_offset: 4,
        weight: 15,
        amazon: Some("amazon.ae"),
        ebay: None,
        regional: &[("noon.com", "نون")],
        carriers: &[("Aramex", "DDDDDDDDDDD")],
        streets: &[
            "مرسى دبي، برج مارينا غيت 2، شقة 1504، دبي",
            "شارع الكورنيش، أبوظبي",
        ],
        zips: &["00000", "00001", "00002"],
    },
    Country {
        code: "EG",
        lang: Lang::Ar,
        currency: "EGP",
        utc_offset: 2,
        weight: 4,
        amazon: Some("amazon.eg"),
        ebay: None,
        regional: &[],
        carriers: &[("Aramex", "DDDDDDDDDDD")],
        streets: &["12 شارع التحرير، الدقي، الجيزة"],
        zips: &["12611", "11511", "21500"],
    },
    Country {
        code: "CN",
        lang: Lang::Zh,
        currency: "CNY",
        utc_offset: 8,
        weight: 21,
        amazon: None,
        ebay: None,
        regional: &[("tmall.hk", "天猫国际"), ("jd.hk", "京东国际")],
        carriers: &[
            ("顺丰速运", "SFDDDDDDDDDDDDD"),
            ("中通快递", "7DDDDDDDDDDDDD"),
        ],
        streets: &["上海市浦东新区世纪大道88号", "北京市朝阳区建国路93号"],
        zips: &["200120", "100022", "518000"],
    },
    Country {
        code: "SG",
        lang: Lang::Zh,
        currency: "SGD",
        utc_offset: 8,
        weight: 8,
        amazon: Some("amazon.sg"),
        ebay: None,
        regional: &[("shopee.sg", "Shopee"), ("lazada.sg", "Lazada")],
        carriers: &[
            ("Ninja Van", "NVSGADDDDDDDDD"),
            ("SingPost", "AADDDDDDDDDSG"),
        ],
        streets: &["21 Tampines Avenue 1, #05-12, Singapore 529757"],
        zips: &["238801", "018989", "529510"],
    },
    Country {
        code: "MY",
        lang: Lang::Zh,
        currency: "MYR",
        utc_offset: 8,
        weight: 6,
        amazon: None,
        ebay: None,
        regional: &[("shopee.com.my", "Shopee"), ("lazada.com.my", "Lazada")],
        carriers: &[("J&T Express", "DDDDDDDDDDDD")],
        streets: &["Jalan Bukit Bintang 55, 55100 Kuala Lumpur"],
        zips: &["50450", "10200", "80000"],
    },
];

fn country_weights() -> [u32; 20] {
    let mut w = [0; 20];
    for (slot, c) in w.iter_mut().zip(COUNTRIES.iter()) {
        *slot = c.weight;
    }
    w
}

/// A customer of one brand. Everything about a customer follows from the seed and the
/// customer's number, so the same customer looks the same in every conversation they have.
pub(crate) struct CustomerProfile {
    pub(crate) id: String,
    pub(crate) name: PersonName,
    pub(crate) country: &'static Country,
    pub(crate) brand: &'static Brand,
    pub(crate) segment: &'static str,
    /// Lifetime value in US cents.
    pub(crate) value_cents: u64,
    pub(crate) email_number: u64,
}

impl CustomerProfile {
    pub(crate) fn derive(seed: u64, number: u64) -> CustomerProfile {
        let mut r = Rng::new(derive(seed, 0xC057_0E4E, number));
        let country = &COUNTRIES[r.weighted(&country_weights())];
        let brand_weights = [BRANDS[0].1, BRANDS[1].1, BRANDS[2].1];
        let brand = &BRANDS[r.weighted(&brand_weights)].0;
        let female = r.chance(550);
        let name = PersonName::pick(country.lang, female, r.next_u64(), r.next_u64());
        let (segment, value_cents) = match r.weighted(&[45, 45, 10]) {
            0 => ("new", r.range(1_500, 15_000)),
            1 => ("regular", r.range(10_000, 150_000)),
            _ => ("vip", r.range(150_000, 1_200_000)),
        };
        CustomerProfile {
            id: format!("cus-{number:06}"),
            name,
            country,
            brand,
            segment,
            value_cents,
            email_number: r.range(1, 99),
        }
    }

    /// Writes the customer's account e-mail address.
    pub(crate) fn write_email(&self, out: &mut String) {
        self.name.write_handle(out);
        // Writing into a String cannot fail.
        let _ = write!(out, "{}@example.com", self.email_number);
    }
}

/// Fills a pattern of `D` (digit) and `A` (letter) placeholders; other characters stay.
pub(crate) fn pattern(r: &mut Rng, pat: &str) -> String {
    pat.chars()
        .map(|c| match c {
            'D' => char::from(b'0' + r.below(10) as u8),
            'A' => char::from(b'A' + r.below(26) as u8),
            other => other,
        })
        .collect()
}

/// Fixed exchange rates (units per US dollar, times 1000) so that prices never drift.
fn rate_milli(currency: &str) -> u64 {
    match currency {
        "GBP" => 790,
        "AUD" => 1_520,
        "CAD" => 1_370,
        "EUR" => 920,
        "CHF" => 880,
        "JPY" => 148_000,
        "MXN" => 18_000,
        "VND" => 25_400_000,
        "THB" => 36_000,
        "SAR" => 3_750,
        "AED" => 3_670,
        "EGP" => 48_000,
        "CNY" => 7_200,
        "SGD" => 1_340,
        "MYR" => 4_600,
        _ => 1_000,
    }
}

/// Currencies that are priced in whole units (stored in cents all the same, except JPY and VND,
/// which have no minor unit).
fn whole_units(currency: &str) -> bool {
    matches!(
        currency,
        "JPY" | "VND" | "THB" | "EGP" | "SAR" | "AED" | "CNY"
    )
}

/// A shop price in the customer's currency, in minor units (cents; whole units for JPY/VND),
/// rounded the way shops price things: .99 endings, or round numbers for whole-unit currencies.
pub(crate) fn local_price(usd_cents: u64, currency: &str) -> u64 {
    let raw_cents = usd_cents * rate_milli(currency) / 1_000;
    match currency {
        "JPY" => (raw_cents / 100 / 100 + 1) * 100 - 20,
        "VND" => (raw_cents / 100 / 10_000) * 10_000,
        c if whole_units(c) => ((raw_cents / 100 / 10) * 10 - 1) * 100,
        _ => (raw_cents / 100) * 100 + 99,
    }
}

/// The price as the `f64` stored in the model: major units with at most two decimals, built
/// from integers so it is identical everywhere.
pub(crate) fn major_units(minor: u64, currency: &str) -> f64 {
    if matches!(currency, "JPY" | "VND") {
        minor as f64
    } else {
        minor as f64 / 100.0
    }
}

/// Groups the digits of `n` by thousands with `sep`.
fn group(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

/// Formats a price for a sentence in `lang`.
pub(crate) fn format_money(minor: u64, currency: &str, lang: Lang) -> String {
    if matches!(currency, "JPY" | "VND") {
        return match (currency, lang) {
            ("JPY", Lang::Ja) => format!("{}円", group(minor, ",")),
            ("JPY", _) => format!("¥{}", group(minor, ",")),
            _ => format!("{} ₫", group(minor, ".")),
        };
    }
    let (units, cents) = (minor / 100, minor % 100);
    let dot = format!("{}.{cents:02}", group(units, ","));
    let comma = format!("{},{cents:02}", group(units, "."));
    let whole = group(units, ",");
    match (currency, lang) {
        ("USD", _) => format!("${dot}"),
        ("GBP", _) => format!("£{dot}"),
        ("AUD", _) => format!("A${dot}"),
        ("CAD", _) => format!("C${dot}"),
        ("SGD", _) => format!("S${dot}"),
        ("MYR", _) => format!("RM{dot}"),
        ("MXN", _) => format!("${dot} MXN"),
        ("CHF", _) => format!("CHF {dot}"),
        ("EUR", Lang::En) => format!("€{dot}"),
        ("EUR", _) => format!("{comma} €"),
        ("THB", Lang::Th) => format!("{whole} บาท"),
        ("THB", _) => format!("฿{whole}"),
        ("SAR", Lang::Ar) => format!("{whole} ريال"),
        ("AED", Lang::Ar) => format!("{whole} درهم"),
        ("EGP", Lang::Ar) => format!("{whole} جنيه"),
        ("CNY", Lang::Zh) => format!("{whole}元"),
        ("CNY", _) => format!("CN¥{whole}"),
        (c, _) => format!("{c} {whole}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_look_like_shop_prices() {
        assert_eq!(local_price(14_999, "USD"), 14_999);
        assert_eq!(format_money(14_999, "USD", Lang::En), "$149.99");
        assert_eq!(
            format_money(local_price(14_999, "EUR"), "EUR", Lang::De),
            "137,99 €"
        );
        assert_eq!(
            format_money(local_price(14_999, "JPY"), "JPY", Lang::Ja),
            "22,180円"
        );
        assert_eq!(
            format_money(local_price(14_999, "VND"), "VND", Lang::Vi),
            "3.800.000 ₫"
        );
        assert_eq!(
            format_money(local_price(14_999, "THB"), "THB", Lang::Th),
            "5,389 บาท"
        );
    }

    #[test]
    fn language_shares_match_the_brief() {
        let total: u32 = COUNTRIES.iter().map(|c| c.weight).sum();
        let en: u32 = COUNTRIES
            .iter()
            .filter(|c| c.lang == Lang::En)
            .map(|c| c.weight)
            .sum();
        assert_eq!(total, 400);
        assert_eq!(en, 120, "English should be 30% of customers");
        for lang in Lang::ALL {
            assert!(
                COUNTRIES.iter().any(|c| c.lang == lang),
                "{lang:?} has no country"
            );
        }
    }
}

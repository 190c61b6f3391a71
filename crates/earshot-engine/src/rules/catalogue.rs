//! Knowledge accuracy: agent claims checked against a product-facts catalogue. A claim is a number
//! with a unit ("12 hours", "30 días") near a word for the attribute ("battery", "Akku", "电池")
//! in an agent turn of a conversation about that product; a number the catalogue contradicts is
//! `conduct.wrong_info`.

use std::collections::HashMap;

use earshot_model::{Code, Finding, Role};
use earshot_text::normalize;
use regex::Regex;

use super::eval::Scan;
use super::phrases::{is_word, word_pos};

/// The `source` of catalogue findings.
pub const CATALOGUE_SOURCE: &str = "catalogue";

/// Unit spellings in the nine languages, by canonical unit.
const UNITS: &[(&str, &[&str])] = &[
    (
        "h",
        &[
            "h",
            "hr",
            "hrs",
            "hour",
            "hours",
            "stunde",
            "stunden",
            "std",
            "heure",
            "heures",
            "hora",
            "horas",
            "時間",
            "小时",
            "小時",
            "giờ",
            "ชั่วโมง",
            "ساعة",
            "ساعات",
        ],
    ),
    (
        "day",
        &[
            "day",
            "days",
            "tag",
            "tage",
            "tagen",
            "jour",
            "jours",
            "día",
            "días",
            "日",
            "天",
            "ngày",
            "วัน",
            "يوم",
            "أيام",
        ],
    ),
    (
        "month",
        &[
            "month",
            "months",
            "monat",
            "monate",
            "monaten",
            "mois",
            "mes",
            "meses",
            "ヶ月",
            "か月",
            "个月",
            "個月",
            "tháng",
            "เดือน",
            "شهر",
            "أشهر",
        ],
    ),
    (
        "year",
        &[
            "year",
            "years",
            "jahr",
            "jahre",
            "jahren",
            "an",
            "ans",
            "année",
            "años",
            "año",
            "年",
            "năm",
            "ปี",
            "سنة",
            "سنوات",
        ],
    ),
    ("mah", &["mah"]),
    ("w", &["w", "watt", "watts"]),
    ("kg", &["kg"]),
    ("g", &["g", "gram", "grams", "gramm"]),
    ("cm", &["cm"]),
    ("mm", &["mm"]),
    (
        "l",
        &["l", "liter", "liters", "litre", "litres", "litro", "litros"],
    ),
    ("ml", &["ml"]),
    ("db", &["db"]),
    ("m", &["m", "meter", "meters", "metre", "metres", "metros"]),
];

/// One fact: `product, attribute, value, unit, keywords`.
#[derive(Debug, Clone)]
pub struct Fact {
    /// A SKU, product line or name; matched against the order and the conversation's text.
    pub product: String,
    pub attribute: String,
    pub value: f64,
    pub unit: String,
    /// Folded words that name the attribute in any language.
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Catalogue {
    pub facts: Vec<Fact>,
    claim: Regex,
    alias: HashMap<String, &'static str>,
}

impl Catalogue {
    /// Parses the CSV (header `product,attribute,value,unit,keywords`; keywords separated by
    /// `|`; `#` starts a comment line). Errors carry the 1-based line.
    pub fn parse_csv(text: &str) -> Result<Catalogue, (usize, String)> {
        let mut facts = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with("product,") {
                continue;
            }
            let cols: Vec<&str> = line.split(',').map(str::trim).collect();
            if cols.len() < 5 {
                return Err((
                    i + 1,
                    "expected product,attribute,value,unit,keywords".into(),
                ));
            }
            let value: f64 = cols[2].parse().map_err(|_| {
                (
                    i + 1,
                    format!("field `value`: {:?} is not a number", cols[2]),
                )
            })?;
            let unit = canonical_unit(&cols[3].to_lowercase())
                .ok_or_else(|| (i + 1, format!("field `unit`: unknown unit {:?}", cols[3])))?;
            let keywords: Vec<String> = cols[4]
                .split('|')
                .map(|k| normalize(k.trim()).as_str().to_string())
                .filter(|k| !k.is_empty())
                .collect();
            if keywords.is_empty() {
                return Err((
                    i + 1,
                    "field `keywords`: give at least one word for the attribute".into(),
                ));
            }
            facts.push(Fact {
                product: normalize(cols[0]).as_str().to_string(),
                attribute: cols[1].to_string(),
                value,
                unit: unit.to_string(),
                keywords,
            });
        }
        Ok(Catalogue::new(facts))
    }

    pub fn new(facts: Vec<Fact>) -> Catalogue {
        let mut aliases: Vec<&str> = UNITS.iter().flat_map(|(_, a)| a.iter().copied()).collect();
        aliases.sort_by_key(|a| std::cmp::Reverse(a.len()));
        let alt: Vec<String> = aliases.iter().map(|a| regex::escape(a)).collect();
        let src = format!(r"(\d+(?:[.,]\d+)?)\s?({})", alt.join("|"));
        let claim =
            Regex::new(&src).unwrap_or_else(|_| unreachable!("escaped literals always compile"));
        let alias = UNITS
            .iter()
            .flat_map(|(c, a)| a.iter().map(move |x| (x.to_string(), *c)))
            .collect();
        Catalogue {
            facts,
            claim,
            alias,
        }
    }

    /// Checks every agent claim in the conversation; at most one finding per fact.
    pub fn check(&self, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        let conv = scan.cx.conversation;
        let order = conv.order.as_ref();
        let about: Vec<&Fact> = self
            .facts
            .iter()
            .filter(|f| {
                let by_order = order.is_some_and(|o| {
                    [o.sku.as_deref(), o.product_line.as_deref()]
                        .into_iter()
                        .flatten()
                        .any(|v| v.eq_ignore_ascii_case(&f.product))
                });
                by_order
                    || scan
                        .norms
                        .iter()
                        .flatten()
                        .any(|n| n.as_str().contains(f.product.as_str()))
            })
            .collect();
        if about.is_empty() {
            return;
        }
        let mut reported: Vec<usize> = Vec::new();
        for (i, n) in scan.norms.iter().enumerate() {
            let Some(n) = n else { continue };
            if conv.turns[i].role != Role::Agent {
                continue;
            }
            let text = n.as_str();
            for c in self.claim.captures_iter(text) {
                let (Some(num), Some(unit)) = (c.get(1), c.get(2)) else {
                    continue;
                };
                if text[unit.end()..].chars().next().is_some_and(is_word)
                    && unit.as_str().chars().all(is_word)
                {
                    continue;
                }
                let Some(&canon) = self.alias.get(unit.as_str()) else {
                    continue;
                };
                let Ok(value) = num.as_str().replace(',', ".").parse::<f64>() else {
                    continue;
                };
                let at = word_pos(text, num.start());
                for (k, f) in about.iter().enumerate() {
                    if f.unit != canon || reported.contains(&k) {
                        continue;
                    }
                    let near = f.keywords.iter().any(|kw| {
                        text.match_indices(kw.as_str())
                            .any(|(b, _)| (word_pos(text, b) - at).abs() <= 8.0)
                    });
                    if !near || (value - f.value).abs() <= f.value.abs() * 0.05 {
                        continue;
                    }
                    reported.push(k);
                    let span = n.original_span(num.start()..unit.end());
                    let finding = Finding::new(
                        Code::CONDUCT_WRONG_INFO,
                        format!(
                            "the agent says {} {} for the {} of {}; the catalogue says {} {}",
                            num.as_str(),
                            unit.as_str(),
                            f.attribute,
                            f.product,
                            f.value,
                            f.unit
                        ),
                    )
                    .confidence(0.7)
                    .source(CATALOGUE_SOURCE)
                    .at(i, Role::Agent, &conv.turns[i].text, span);
                    out.push(finding);
                }
            }
        }
    }
}

fn canonical_unit(s: &str) -> Option<&'static str> {
    UNITS
        .iter()
        .find(|(c, a)| *c == s || a.contains(&s))
        .map(|(c, _)| *c)
}

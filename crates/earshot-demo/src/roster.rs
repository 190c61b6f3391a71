//! The fixed roster of agents who answer the demo conversations: an outsourced English tier-1
//! team, in-house teams per language, and team leads who take over escalations.

use crate::lang::Lang;

pub(crate) struct RosterAgent {
    pub(crate) id: &'static str,
    pub(crate) name: &'static str,
    /// The name the agent introduces themselves with (Japanese agents use their family name,
    /// Thai and Chinese agents a nickname).
    pub(crate) intro: &'static str,
    pub(crate) lang: Lang,
    pub(crate) female: bool,
    pub(crate) team: &'static str,
    /// Team leads take over when a customer asks for a manager.
    pub(crate) lead: bool,
    /// `(year, month, day)` of the first working day.
    pub(crate) hired: (i16, i8, i8),
}

// A table-row constructor: naming every field on each of the 42 rows would bury the table.
#[allow(clippy::too_many_arguments)]
const fn a(
    id: &'static str,
    name: &'static str,
    intro: &'static str,
    lang: Lang,
    female: bool,
    team: &'static str,
    lead: bool,
    hired: (i16, i8, i8),
) -> RosterAgent {
    RosterAgent {
        id,
        name,
        intro,
        lang,
        female,
        team,
        lead,
        hired,
    }
}

const EN1: &str = "EN Tier 1 (Manila BPO)";
const EN2: &str = "EN Tier 2";
const ESC: &str = "Escalations";
const ES: &str = "Spain & LatAm";
const FR: &str = "France & Benelux";
const ZH: &str = "Greater China";

#[rustfmt::skip] // One agent per line keeps the roster readable as a table.
pub(crate) static ROSTER: [RosterAgent; 42] = [
    a("ag-01", "Maria Santos", "Maria", Lang::En, true, EN1, false, (2024, 3, 11)),
    a("ag-02", "Joy Reyes", "Joy", Lang::En, true, EN1, false, (2025, 1, 6)),
    a("ag-03", "Mark dela Cruz", "Mark", Lang::En, false, EN1, false, (2023, 8, 21)),
    a("ag-04", "Paolo Garcia", "Paolo", Lang::En, false, EN1, false, (2026, 8, 3)),
    a("ag-05", "Kristine Bautista", "Kristine", Lang::En, true, EN1, false, (2026, 7, 13)),
    a("ag-06", "John Mendoza", "John", Lang::En, false, EN1, false, (2022, 11, 14)),
    a("ag-07", "Sarah Collins", "Sarah", Lang::En, true, EN2, false, (2021, 5, 17)),
    a("ag-08", "Tom Whitfield", "Tom", Lang::En, false, EN2, false, (2023, 2, 1)),
    a("ag-09", "Rachel Morgan", "Rachel", Lang::En, true, ESC, true, (2020, 9, 1)),
    a("ag-10", "David Okafor", "David", Lang::En, false, ESC, true, (2022, 4, 19)),
    a("ag-11", "Lena Hartmann", "Lena", Lang::De, true, "DACH", false, (2023, 6, 1)),
    a("ag-12", "Jonas Keller", "Jonas", Lang::De, false, "DACH", false, (2026, 8, 17)),
    a("ag-13", "Miriam Vogel", "Miriam", Lang::De, true, "DACH", false, (2024, 10, 7)),
    a("ag-14", "Stefan Brandt", "Stefan Brandt", Lang::De, false, ESC, true, (2021, 3, 15)),
    a("ag-15", "佐々木 結衣", "佐々木", Lang::Ja, true, "Japan", false, (2024, 4, 1)),
    a("ag-16", "小林 蓮", "小林", Lang::Ja, false, "Japan", false, (2026, 7, 1)),
    a("ag-17", "加藤 美穂", "加藤", Lang::Ja, true, "Japan", false, (2022, 10, 3)),
    a("ag-18", "松本 直樹", "松本", Lang::Ja, false, ESC, true, (2020, 4, 1)),
    a("ag-19", "Lucía Navarro", "Lucía", Lang::Es, true, ES, false, (2023, 1, 9)),
    a("ag-20", "Andrés Molina", "Andrés", Lang::Es, false, ES, false, (2025, 3, 3)),
    a("ag-21", "Carmen Ortega", "Carmen", Lang::Es, true, ES, false, (2026, 8, 10)),
    a("ag-22", "Raúl Domínguez", "Raúl", Lang::Es, false, ESC, true, (2021, 7, 5)),
    a("ag-23", "Élise Marchand", "Élise", Lang::Fr, true, FR, false, (2022, 9, 12)),
    a("ag-24", "Hugo Lemaire", "Hugo", Lang::Fr, false, FR, false, (2024, 11, 18)),
    a("ag-25", "Inès Roussel", "Inès", Lang::Fr, true, FR, false, (2026, 6, 22)),
    a("ag-26", "Olivier Chevalier", "Olivier", Lang::Fr, false, ESC, true, (2020, 11, 2)),
    a("ag-27", "Nguyễn Thu Trang", "Trang", Lang::Vi, true, "Vietnam", false, (2023, 5, 15)),
    a("ag-28", "Trần Minh Khoa", "Khoa", Lang::Vi, false, "Vietnam", false, (2026, 7, 20)),
    a("ag-29", "Lê Thị Hồng Nhung", "Nhung", Lang::Vi, true, "Vietnam", false, (2024, 2, 26)),
    a("ag-30", "Phạm Quốc Bảo", "Bảo", Lang::Vi, false, ESC, true, (2021, 10, 11)),
    a("ag-31", "ปิยะนุช ทองดี", "ฝน", Lang::Th, true, "Thailand", false, (2023, 9, 4)),
    a("ag-32", "อนุชา มีสุข", "ต้น", Lang::Th, false, "Thailand", false, (2025, 6, 2)),
    a("ag-33", "ศิริพร แก้วกาญจน์", "แพรว", Lang::Th, true, "Thailand", false, (2026, 8, 24)),
    a("ag-34", "ชยพล รัตนวงศ์", "เอก", Lang::Th, false, ESC, true, (2020, 6, 15)),
    a("ag-35", "ريم العلي", "ريم", Lang::Ar, true, "MENA", false, (2023, 3, 20)),
    a("ag-36", "ياسر حداد", "ياسر", Lang::Ar, false, "MENA", false, (2024, 8, 12)),
    a("ag-37", "هالة منصور", "هالة", Lang::Ar, true, "MENA", false, (2026, 7, 27)),
    a("ag-38", "طارق الزين", "طارق", Lang::Ar, false, ESC, true, (2021, 1, 10)),
    a("ag-39", "陈雅婷", "小陈", Lang::Zh, true, ZH, false, (2022, 5, 9)),
    a("ag-40", "刘洋", "小刘", Lang::Zh, false, ZH, false, (2026, 8, 5)),
    a("ag-41", "周晓梅", "小周", Lang::Zh, true, ZH, false, (2024, 6, 17)),
    a("ag-42", "吴建华", "吴建华", Lang::Zh, false, ESC, true, (2020, 8, 24)),
];

/// Agents hired on or after this date count as new; conduct problems are more likely with them.
const NEW_SINCE: (i16, i8, i8) = (2026, 6, 1);

impl RosterAgent {
    pub(crate) fn is_new(&self) -> bool {
        self.hired >= NEW_SINCE
    }
}

/// The indices of the front-line agents (not leads) for a language.
pub(crate) fn front_line(lang: Lang) -> impl Iterator<Item = usize> {
    ROSTER
        .iter()
        .enumerate()
        .filter(move |(_, a)| a.lang == lang && !a.lead)
        .map(|(i, _)| i)
}

/// The index of a lead for a language (every language has one; English has two).
pub(crate) fn leads(lang: Lang) -> impl Iterator<Item = usize> {
    ROSTER
        .iter()
        .enumerate()
        .filter(move |(_, a)| a.lang == lang && a.lead)
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_front_line_agents_a_lead_and_a_new_hire() {
        for lang in Lang::ALL {
            assert!(front_line(lang).count() >= 3, "{lang:?}");
            assert!(leads(lang).count() >= 1, "{lang:?}");
            assert!(front_line(lang).any(|i| ROSTER[i].is_new()), "{lang:?}");
        }
        let mut ids: Vec<&str> = ROSTER.iter().map(|a| a.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ROSTER.len());
    }
}

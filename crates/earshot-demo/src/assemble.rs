//! Chooses who, where, when and what for conversation number `index`, then lets the scenario
//! write the turns.

use earshot_model::{Channel, Conversation};

use crate::build::{BASE_UNIX, Ctx, DAYS, OrderInfo, Setup};
use crate::catalog::Product;
use crate::lang::Lang;
use crate::rng::{Rng, derive};
use crate::roster::{ROSTER, front_line};
use crate::scenarios::SCENARIOS;
use crate::world::{CustomerProfile, local_price, pattern};

/// Salt that separates the conversation streams from the customer streams of the same seed.
const CONVERSATION_SALT: u64 = 0xC0_4E_57_A7;

/// How often each channel is used when the scenario allows it: chat most, then e-mail,
/// marketplace messages, phone calls, social media and SMS.
const CHANNEL_WEIGHTS: [(Channel, u32); 6] = [
    (Channel::Chat, 45),
    (Channel::Email, 22),
    (Channel::Marketplace, 15),
    (Channel::Social, 7),
    (Channel::Phone, 8),
    (Channel::Sms, 3),
];

/// Share of conversations (per mille, among non-English customers) answered in English.
const MIXED_PER_MILLE: u64 = 43;

/// Relative likelihood of a contact starting at each local hour: business hours dominate.
const HOUR_WEIGHTS: [u32; 24] = [
    1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 10, 9, 9, 10, 10, 9, 8, 7, 6, 5, 4, 3, 2,
];

/// Relative likelihood of each demo day: weekends are quieter. Day 0 is Tuesday, 1 September
/// 2026, so the weekday of day `d` is `(2 + d) % 7` with Sunday as 0.
const DAY_WEIGHTS: [u32; DAYS as usize] = {
    let mut w = [10; DAYS as usize];
    let mut d = 0;
    while d < w.len() {
        if (2 + d) % 7 == 0 || (2 + d) % 7 == 6 {
            w[d] = 6;
        }
        d += 1;
    }
    w
};

/// Builds conversation number `index` of a data set whose customers are numbered below
/// `pool`.
pub(crate) fn conversation(seed: u64, index: u64, pool: u64) -> Conversation {
    let mut rng = Rng::new(derive(seed, CONVERSATION_SALT, index));
    let weights = SCENARIOS.each_ref().map(|s| s.weight);
    let info = &SCENARIOS[rng.weighted(&weights)];

    // A small group of customers gets in touch again and again; everyone else is drawn from the
    // whole pool, so some of them come back too.
    let number = if rng.chance(150) {
        rng.below(pool / 50 + 1)
    } else {
        rng.below(pool)
    };
    let customer = CustomerProfile::derive(seed, number);
    let clang = customer.country.lang;
    let mixed = clang != Lang::En && rng.chance(MIXED_PER_MILLE);
    let agent_lang = if mixed { Lang::En } else { clang };

    let channel = pick_channel(&mut rng, info.channels);
    let products = customer.brand.products;
    let product = &products[rng.index(products.len())];
    let agent = pick_agent(&mut rng, agent_lang, info.new_agent_bias);
    let started = start_time(&mut rng, customer.country.utc_offset);
    let order = make_order(
        &mut rng,
        &customer,
        product,
        channel,
        info.marketplace_order,
        started,
    );

    let mut ctx = Ctx::new(Setup {
        rng,
        customer,
        agent_lang,
        channel,
        product,
        order: Some(order),
        agent,
        started,
    });
    (info.build)(&mut ctx);
    ctx.finish(format!("demo-{index:06}"), info.name)
}

fn pick_channel(rng: &mut Rng, allowed: &[Channel]) -> Channel {
    let weights = CHANNEL_WEIGHTS.map(|(c, w)| if allowed.contains(&c) { w } else { 0 });
    CHANNEL_WEIGHTS[rng.weighted(&weights)].0
}

/// A front-line agent of the language; conduct scenarios pick a new hire half the time.
fn pick_agent(rng: &mut Rng, lang: Lang, new_bias: bool) -> usize {
    let only_new = new_bias && rng.chance(500);
    let fits = |i: &usize| !only_new || ROSTER[*i].is_new();
    let n = front_line(lang).filter(fits).count();
    // Every language has a new hire on its front line (a roster test checks it), so `n` is
    // never 0; the fallback only keeps the function total.
    front_line(lang).filter(fits).nth(rng.index(n)).unwrap_or(0)
}

/// A start time in the ten demo weeks, weekdays and the customer's business hours favoured.
fn start_time(rng: &mut Rng, utc_offset: i64) -> i64 {
    let day = rng.weighted(&DAY_WEIGHTS) as i64;
    let hour = rng.weighted(&HOUR_WEIGHTS) as i64;
    let second = rng.below(3_600) as i64;
    let t = BASE_UNIX + day * 86_400 + hour * 3_600 + second - utc_offset * 3_600;
    // East of Greenwich the first morning falls on the evening before in UTC; move it a day
    // on so that nothing starts before the demo period.
    if t < BASE_UNIX { t + 86_400 } else { t }
}

/// The year, month and day of a Unix time (proleptic Gregorian calendar, UTC).
fn civil(unix: i64) -> (i64, u32, u32) {
    // Howard Hinnant's days-to-civil algorithm.
    let z = unix.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Where the customer bought, and the order with an id in that marketplace's format.
fn make_order(
    rng: &mut Rng,
    customer: &CustomerProfile,
    product: &'static Product,
    channel: Channel,
    needs_marketplace: bool,
    started: i64,
) -> OrderInfo {
    let country = customer.country;
    let on_marketplace = channel == Channel::Marketplace || needs_marketplace || rng.chance(300);
    let mut options: Vec<(&'static str, &'static str, u32)> = Vec::with_capacity(4);
    if on_marketplace {
        if let Some(d) = country.amazon {
            options.push((d, "Amazon", 60));
        }
        if let Some(d) = country.ebay {
            options.push((d, "eBay", 25));
        }
        for &(d, name) in country.regional {
            options.push((d, name, 15));
        }
    }
    let weights: Vec<u32> = options.iter().map(|o| o.2).collect();
    let (domain, market_name) = match options.get(rng.weighted(&weights)) {
        Some(&(d, n, _)) => (d, n),
        None => ("shopify", customer.brand.name),
    };
    // Orders are placed a few days to a few weeks before the customer gets in touch.
    let ordered = started - rng.range(2, 20) as i64 * 86_400;
    let (y, m, d) = civil(ordered);
    let id = match domain.split('.').next().unwrap_or(domain) {
        "amazon" => {
            let prefix = match domain {
                "amazon.com" | "amazon.ca" => rng.range(111, 114),
                "amazon.co.uk" => rng.range(202, 206),
                "amazon.de" => rng.range(302, 306),
                "amazon.co.jp" => 249 + rng.below(2),
                "amazon.com.mx" => rng.range(701, 702),
                "amazon.sa" | "amazon.ae" | "amazon.eg" => rng.range(405, 407),
                "amazon.sg" => rng.range(503, 504),
                _ => rng.range(402, 408),
            };
            format!("{prefix}-{}", pattern(rng, "DDDDDDD-DDDDDDD"))
        }
        "ebay" => pattern(rng, "DD-DDDDD-DDDDD"),
        "walmart" => pattern(rng, "2000DDDDDDDDDDD"),
        "shopee" => format!("{:02}{m:02}{d:02}{}", y % 100, pattern(rng, "AAAADDAA")),
        "lazada" | "mercadolibre" => pattern(rng, "5DDDDDDDDDDDDDD"),
        "rakuten" => format!(
            "{}-{y}{m:02}{d:02}-{}",
            pattern(rng, "DDDDDD"),
            pattern(rng, "DDDDDDDDDD")
        ),
        "cdiscount" => format!("{:02}{m:02}{d:02}{}", y % 100, pattern(rng, "DDDDAAAA")),
        "noon" => format!("N{}{}", country.code, pattern(rng, "DDDDDDDDDDD")),
        "tmall" => pattern(rng, "3DDDDDDDDDDDDDDDDDD"),
        "jd" => pattern(rng, "2DDDDDDDDDDD"),
        _ => format!("{}-1{}", customer.brand.order_prefix, pattern(rng, "DDDDD")),
    };
    let quantity = if rng.chance(150) { 2 } else { 1 };
    OrderInfo {
        id,
        minor: local_price(product.usd_cents, country.currency) * quantity,
        currency: country.currency,
        marketplace: domain.to_string(),
        market_name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_are_right() {
        assert_eq!(civil(BASE_UNIX), (2026, 9, 1));
        assert_eq!(civil(BASE_UNIX + 69 * 86_400), (2026, 11, 9));
        assert_eq!(civil(0), (1970, 1, 1));
    }
}

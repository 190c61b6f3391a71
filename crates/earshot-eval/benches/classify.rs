//! Per-message throughput on one core: earshot's whole `Engine::classify` against `rustrict`
//! and `censor` on the same mixed-language customer-service messages (some abusive).
//! `cargo bench -p earshot-eval --bench classify`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rustrict::CensorStr;

/// Messages in the nine languages, short and long, about one in five abusive or disguised.
pub const MESSAGES: &[&str] = &[
    "Where is my order? It has been two weeks since I paid.",
    "Hi, I'd like to return the blue jacket, size M, order 114-2231234-5566.",
    "this f***ing box arrived broken again, you idiot",
    "Thanks so much for the quick help, have a great day!",
    "Wo ist meine Bestellung? Ich warte seit zwei Wochen.",
    "Du Vollidiot, ich will mein Geld zurück!",
    "注文した商品がまだ届いていません。確認をお願いします。",
    "お前バカだな、早く返金しろ",
    "¿Dónde está mi pedido? Llevo dos semanas esperando.",
    "Bonjour, je n'ai toujours pas reçu ma commande, pouvez-vous vérifier ?",
    "Đơn hàng của tôi đâu rồi? Tôi đã chờ hai tuần.",
    "mày ngu quá, giao sai hàng rồi",
    "สินค้ายังไม่มาถึงเลยค่ะ ช่วยตรวจสอบให้หน่อย",
    "أين طلبي؟ لقد انتظرت أسبوعين",
    "我的订单到哪里了？已经两个星期了。",
    "你们客服是傻B吗，退款都不会",
    "The tracking number says delivered but nothing is at my door. Can you open an investigation with the carrier and let me know what happens next? I need this by Friday for a birthday.",
    "Can I change the delivery address to 221B Baker Street before it ships?",
    "f u c k this store, a$$holes",
    "Please cancel my subscription and refund the last payment.",
];

fn bench(c: &mut Criterion) {
    let engine = earshot_engine::Engine::default();
    let mut g = c.benchmark_group("classify");
    g.throughput(Throughput::Elements(MESSAGES.len() as u64));
    g.bench_function("earshot", |b| {
        b.iter(|| {
            for m in MESSAGES {
                black_box(engine.classify(black_box(m)));
            }
        })
    });
    g.bench_function("rustrict", |b| {
        b.iter(|| {
            for m in MESSAGES {
                black_box(black_box(*m).is_inappropriate());
            }
        })
    });
    g.bench_function("censor", |b| {
        let censor = censor::Censor::Standard;
        b.iter(|| {
            for m in MESSAGES {
                black_box(censor.check(black_box(m)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

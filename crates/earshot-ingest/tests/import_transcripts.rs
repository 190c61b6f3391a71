//! Speech-to-text transcripts: exact time units, speaker merging, agent choice.

mod support;

use earshot_ingest::formats::{ImportFormat, ImportOptions};
use earshot_model::{Channel, Conversation, Role};
use support::{by_id, roles, run, run_with};

fn spans(c: &Conversation) -> Vec<(Option<u64>, Option<u64>)> {
    c.turns.iter().map(|t| (t.start_ms, t.end_ms)).collect()
}

fn texts(c: &Conversation) -> Vec<&str> {
    c.turns.iter().map(|t| t.text.as_str()).collect()
}

#[test]
fn aws_transcribe_diarized() {
    let (convs, errs) = run(ImportFormat::AwsTranscribe, "aws-transcribe/call-0517.json");
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(c.id, "call-0517");
    assert_eq!(c.channel, Channel::Phone);
    assert_eq!(c.source.as_deref(), Some("aws-transcribe"));
    // spk_1 speaks first and is taken for the agent; a 4.5 s pause splits the agent's turn.
    assert_eq!(roles(c), ["agent", "customer", "agent", "agent"]);
    assert_eq!(
        texts(c),
        [
            "Thank you for calling, this is Ana.",
            "Where is my parcel?",
            "Let me check.",
            "Found it"
        ]
    );
    assert_eq!(
        spans(c),
        [
            (Some(420), Some(2190)),
            (Some(2710), Some(3690)),
            (Some(4010), Some(4570)),
            (Some(9100), Some(9500))
        ]
    );
    assert_eq!(c.turns[0].author.as_deref(), Some("spk_1"));
    assert_eq!(c.metadata["role_assignment"], "first_speaker");
    assert_eq!(c.metadata["agent_speaker"], "spk_1");
}

#[test]
fn aws_transcribe_agent_speaker_option() {
    let opts = ImportOptions {
        agent_speaker: Some("spk_0".into()),
        ..ImportOptions::default()
    };
    let (convs, _) = run_with(
        ImportFormat::AwsTranscribe,
        "aws-transcribe/call-0517.json",
        &opts,
    );
    assert_eq!(
        roles(&convs[0]),
        ["customer", "agent", "customer", "customer"]
    );
    assert_eq!(convs[0].metadata["role_assignment"], "agent_speaker");
}

#[test]
fn aws_transcribe_channels_and_agent_channel() {
    let opts = ImportOptions {
        agent_channel: Some("ch_1".into()),
        ..ImportOptions::default()
    };
    let (convs, errs) = run_with(
        ImportFormat::AwsTranscribe,
        "aws-transcribe/call-channels.json",
        &opts,
    );
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(roles(c), ["customer", "agent"]);
    assert_eq!(texts(c), ["Hola.", "Buenas tardes."]);
    assert_eq!(c.turns[1].channel.as_deref(), Some("ch_1"));
    assert_eq!(spans(c), [(Some(500), Some(900)), (Some(1100), Some(2050))]);
}

#[test]
fn aws_transcribe_lines_and_exact_rounding() {
    let (convs, errs) = run(ImportFormat::AwsTranscribe, "aws-transcribe/jobs.jsonl");
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].line, 1);
    assert_eq!(
        errs[0].field.as_deref(),
        Some("results.items[0].start_time")
    );
    assert_eq!(errs[0].id.as_deref(), Some("bad-times"));
    assert_eq!(
        spans(&convs[0]),
        [(Some(1), Some(13))],
        "0.0125 s rounds half up to 13 ms"
    );
}

#[test]
fn contact_lens_roles_times_and_analytics() {
    let (convs, errs) = run(ImportFormat::ContactLens, "contact-lens/contact.json");
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(c.id, "3f1c0d4e-demo");
    assert_eq!(c.language.as_deref(), Some("es-US"));
    // The customer's two consecutive turns (200 ms apart) are one turn.
    assert_eq!(roles(c), ["agent", "customer", "agent"]);
    assert_eq!(
        c.turns[1].text,
        "Quiero un reembolso, el producto llegó roto. ¡Es la segunda vez!"
    );
    assert_eq!(
        spans(c),
        [
            (Some(800), Some(3900)),
            (Some(5200), Some(10400)),
            (Some(11000), Some(13500))
        ]
    );
    assert_eq!(c.tags, ["refund-request"]);
    assert_eq!(c.metadata["role_assignment"], "vendor");
    assert_eq!(c.metadata["non_talk_time"]["TotalTimeMillis"], 9000);
    assert_eq!(c.metadata["turn_analytics"]["t-1"]["sentiment"], "NEGATIVE");
}

#[test]
fn call_analytics_roles_on_turns() {
    let (convs, errs) = run(
        ImportFormat::ContactLens,
        "contact-lens/call-analytics.json",
    );
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(convs[0].id, "ca-job-7");
    assert_eq!(roles(&convs[0]), ["customer", "agent"]);
    assert_eq!(
        convs[0].metadata["turn_analytics"]["x1"]["loudness"],
        serde_json::json!([70.0])
    );
}

#[test]
fn google_diarized_uses_the_last_result() {
    let (convs, errs) = run(ImportFormat::GoogleStt, "google-stt/diarized.json");
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(c.id, "diarized");
    assert_eq!(
        texts(c),
        ["hello thanks for calling", "my order never arrived"]
    );
    assert_eq!(roles(c), ["agent", "customer"]);
    assert_eq!(spans(c), [(Some(0), Some(1200)), (Some(1500), Some(2900))]);
    assert_eq!(c.language.as_deref(), Some("en-us"));
}

#[test]
fn google_channels_without_words() {
    let opts = ImportOptions {
        agent_channel: Some("1".into()),
        ..ImportOptions::default()
    };
    let (convs, errs) = run_with(ImportFormat::GoogleStt, "google-stt/channels.json", &opts);
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(c.id, "op-123");
    assert_eq!(roles(c), ["agent", "customer", "agent"]);
    assert_eq!(
        spans(c),
        [
            (Some(0), Some(2480)),
            (Some(0), Some(5100)),
            (Some(2480), Some(7000))
        ]
    );
}

#[test]
fn azure_batch_ticks_and_durations() {
    let (convs, errs) = run(ImportFormat::AzureStt, "azure-stt/batch.json");
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(c.id, "call1", "the blob name without its signed query");
    assert_eq!(roles(c), ["agent", "customer"]);
    // 26000000 + 23456789 ticks = 4945.6789 ms → 4946; then PT5.1S + PT1.25S.
    assert_eq!(
        spans(c),
        [(Some(400), Some(2000)), (Some(2600), Some(6350))]
    );
    assert_eq!(c.turns[1].text, "My package is late again. Really late.");
    assert_eq!(c.metadata["duration_ms"], 31_000);
}

#[test]
fn azure_fast_transcription() {
    let (convs, errs) = run(ImportFormat::AzureStt, "azure-stt/fast.json");
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(roles(c), ["agent", "customer"]);
    assert_eq!(
        spans(c),
        [(Some(120), Some(1000)), (Some(1500), Some(3200))]
    );
    assert_eq!(c.language.as_deref(), Some("vi-VN"));
}

#[test]
fn deepgram_words_use_punctuated_forms() {
    let (convs, errs) = run(ImportFormat::Deepgram, "deepgram/diarized.json");
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(c.id, "dg-5b1e");
    assert_eq!(
        texts(c),
        ["Hi, this is Sam from the shop.", "Where is my refund?"]
    );
    assert_eq!(spans(c), [(Some(80), Some(1290)), (Some(2010), Some(3000))]);
    assert_eq!(c.metadata["duration_ms"], 6500);
}

#[test]
fn deepgram_utterances_multichannel() {
    let opts = ImportOptions {
        agent_channel: Some("1".into()),
        ..ImportOptions::default()
    };
    let (convs, errs) = run_with(ImportFormat::Deepgram, "deepgram/utterances.json", &opts);
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(roles(c), ["agent", "customer"]);
    assert_eq!(
        texts(c),
        [
            "Guten Tag, Kundenservice.",
            "Meine Lieferung fehlt. Schon wieder!"
        ]
    );
    assert_eq!(
        spans(c),
        [(Some(500), Some(1750)), (Some(2000), Some(4000))]
    );
}

#[test]
fn assemblyai_utterances_in_milliseconds() {
    let (convs, errs) = run(ImportFormat::Assemblyai, "assemblyai/transcript.json");
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(c.id, "aai-6rlr");
    assert_eq!(roles(c), ["agent", "customer"]);
    assert_eq!(
        texts(c),
        ["สวัสดีค่ะ ร้านค้ายินดีให้บริการ", "ของยังไม่มาเลยสั่งไปสองอาทิตย์แล้ว"]
    );
    assert_eq!(
        spans(c),
        [(Some(250), Some(2100)), (Some(2600), Some(6000))]
    );
    assert_eq!(c.language.as_deref(), Some("th"));
}

#[test]
fn assemblyai_unfinished_transcript_is_an_error() {
    let (convs, errs) = run(ImportFormat::Assemblyai, "assemblyai/queued.json");
    assert!(convs.is_empty());
    assert_eq!(errs[0].field.as_deref(), Some("status"));
    assert_eq!(errs[0].id.as_deref(), Some("aai-queued"));
}

#[test]
fn openai_verbose_has_no_speakers() {
    let (convs, errs) = run(ImportFormat::OpenaiWhisper, "openai-whisper/verbose.json");
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(c.id, "verbose");
    assert_eq!(c.language.as_deref(), Some("de"));
    assert_eq!(c.metadata["role_assignment"], "none");
    assert_eq!(
        roles(c),
        ["customer", "customer"],
        "unsplittable segments are not merged"
    );
    assert_eq!(spans(c), [(Some(0), Some(2480)), (Some(2480), Some(5100))]);
    assert_eq!(c.metadata["duration_ms"], 8470);
}

#[test]
fn openai_diarized_segments() {
    let (convs, errs) = run(ImportFormat::OpenaiWhisper, "openai-whisper/diarized.json");
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(roles(c), ["agent", "customer", "agent"]);
    assert_eq!(c.turns[2].text, "Let me look. One moment.");
    assert_eq!(
        spans(c),
        [
            (Some(290), Some(1570)),
            (Some(1900), Some(3330)),
            (Some(3500), Some(5000))
        ]
    );
}

#[test]
fn whisper_cpp_offsets_and_timestamps() {
    let (convs, errs) = run(ImportFormat::WhisperCpp, "whisper-cpp/call-de.json");
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(c.id, "call-de");
    assert_eq!(c.language.as_deref(), Some("de"));
    assert_eq!(roles(c), ["agent", "customer", "agent"]);
    assert_eq!(
        texts(c),
        [
            "Guten Tag, Kundenservice.",
            "Meine Lieferung fehlt. Seit einer Woche!",
            "Das tut mir leid."
        ]
    );
    assert_eq!(
        spans(c),
        [
            (Some(0), Some(2480)),
            (Some(2480), Some(6000)),
            (Some(6500), Some(8000))
        ]
    );
}

#[test]
fn whisper_cpp_tinydiarize_alternates_speakers() {
    let (convs, _) = run(ImportFormat::WhisperCpp, "whisper-cpp/tinydiarize.json");
    assert_eq!(roles(&convs[0]), ["agent", "customer", "agent"]);
}

#[test]
fn vtt_voices() {
    let (convs, errs) = run(ImportFormat::Vtt, "vtt/call-0601.vtt");
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].line, 19, "the line of the broken timing");
    let c = by_id(&convs, "call-0601");
    assert_eq!(roles(c), ["agent", "customer", "agent", "customer"]);
    assert_eq!(
        c.turns[1].text,
        "Meine Lieferung fehlt & keiner antwortet! Seit Tagen."
    );
    assert_eq!(spans(c)[1], (Some(2480), Some(6000)));
    assert_eq!(spans(c)[2], (Some(7500), Some(9000)));
    assert_eq!(c.metadata["role_assignment"], "vendor");
}

#[test]
fn srt_prefixes() {
    let (convs, errs) = run(ImportFormat::Srt, "srt/call-0602.srt");
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(roles(c), ["agent", "customer", "agent"]);
    assert_eq!(c.turns[1].text, "Meine Lieferung fehlt. Seit einer Woche!");
    assert_eq!(c.turns[2].text, "Das tut mir leid. Ich prüfe das.");
    assert_eq!(spans(c)[2], (Some(5500), Some(8000)));
}

#[test]
fn srt_speaker_tags_follow_the_options() {
    let (convs, _) = run(ImportFormat::Srt, "srt/speakers.srt");
    assert_eq!(
        roles(&convs[0]),
        ["agent", "customer"],
        "first speaker by default"
    );
    let opts = ImportOptions {
        agent_speaker: Some("SPEAKER_00".into()),
        ..ImportOptions::default()
    };
    let (convs, _) = run_with(ImportFormat::Srt, "srt/speakers.srt", &opts);
    assert_eq!(convs[0].turns[0].role, Role::Customer);
    assert_eq!(convs[0].turns[1].role, Role::Agent);
}

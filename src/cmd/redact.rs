//! `earshot redact`: personal data out of text on stdin, redacted text on stdout. Text mode
//! redacts each line on its own line; `--jsonl` reads native conversations and writes them back
//! redacted, with the customer's and agents' names from the conversation's metadata.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use earshot_model::Conversation;
use earshot_redact::{Config, Kind, Redactor, Use, redact_conversation};

#[derive(clap::Args)]
pub struct Args {
    /// Read native conversations, one JSON object per line, instead of lines of text.
    #[arg(long)]
    pub jsonl: bool,
    /// Where the output goes, which sets the defaults: alert and ingest keep order numbers;
    /// export, training and log remove them; training numbers the replacements ([NAME-1]).
    #[arg(long = "for", value_name = "USE", default_value = "export")]
    pub use_: String,
    /// Keep order numbers whatever the use.
    #[arg(long, conflicts_with = "redact_orders")]
    pub keep_orders: bool,
    /// Remove order numbers whatever the use.
    #[arg(long)]
    pub redact_orders: bool,
    /// Number the replacements so that one value keeps one token ([NAME-1], [PHONE-2]); in text
    /// mode the numbering runs over the whole input.
    #[arg(long)]
    pub pseudonyms: bool,
    /// An order-number pattern (Rust regex) in place of the built-in Amazon, eBay and Shopify
    /// ones; repeat for several.
    #[arg(long = "order-pattern", value_name = "REGEX")]
    pub order_patterns: Vec<String>,
    /// A name to redact everywhere, such as an agent's; repeat for several.
    #[arg(long = "name", value_name = "NAME")]
    pub names: Vec<String>,
    /// Leave these kinds alone (email, phone, address, card, iban, order, name); comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "KINDS")]
    pub keep: Vec<String>,
}

fn config(args: &Args) -> Result<Config> {
    let Some(use_) = Use::parse(&args.use_) else {
        bail!(
            "--for {:?}: expected alert, export, training, log or ingest",
            args.use_
        );
    };
    let mut config = Config::for_use(use_);
    if args.keep_orders {
        config.kinds.retain(|k| *k != Kind::Order);
    }
    if args.redact_orders && !config.redacts(Kind::Order) {
        config.kinds.push(Kind::Order);
    }
    for k in &args.keep {
        let Some(kind) = Kind::parse(k) else {
            bail!("--keep {k:?}: expected email, phone, address, card, iban, order or name");
        };
        config.kinds.retain(|x| *x != kind);
    }
    config.pseudonyms |= args.pseudonyms;
    if !args.order_patterns.is_empty() {
        config.order_patterns = args.order_patterns.clone();
    }
    config.names = args.names.clone();
    Ok(config)
}

pub fn run(args: Args) -> Result<ExitCode> {
    let redactor = Redactor::new(config(&args)?).context("invalid redaction settings")?;
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = if args.jsonl {
        run_jsonl(&redactor, stdin.lock(), &mut out)
    } else {
        run_text(&redactor, stdin.lock(), &mut out)
    };
    let flushed = result.and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    match flushed {
        Ok(code) => Ok(code),
        // A closed pipe (`earshot redact | head`) ends the run quietly.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(e),
    }
}

fn read_line(input: &mut impl BufRead, buf: &mut Vec<u8>) -> Result<bool> {
    buf.clear();
    if input.read_until(b'\n', buf).context("cannot read stdin")? == 0 {
        return Ok(false);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    Ok(true)
}

fn run_text(
    redactor: &Redactor,
    mut input: impl BufRead,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let mut session = redactor.session(std::iter::empty());
    let mut buf = Vec::new();
    let mut n = 0u64;
    while read_line(&mut input, &mut buf)? {
        n += 1;
        let text = String::from_utf8_lossy(&buf);
        if matches!(text, std::borrow::Cow::Owned(_)) {
            eprintln!("earshot: stdin:{n}: invalid UTF-8, redacted with replacement characters");
        }
        let r = session.redact(&text);
        out.write_all(r.text.as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn run_jsonl(
    redactor: &Redactor,
    mut input: impl BufRead,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let mut buf = Vec::new();
    let (mut n, mut bad) = (0u64, 0u64);
    while read_line(&mut input, &mut buf)? {
        n += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        // A line that is not a conversation is reported and skipped, never copied: it may hold
        // exactly the personal data this command exists to remove.
        let conversation: Conversation = match serde_json::from_slice(&buf) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("earshot: stdin:{n}: not a conversation, skipped: {e}");
                bad += 1;
                continue;
            }
        };
        let (redacted, _) = redact_conversation(&conversation, redactor);
        serde_json::to_writer(&mut *out, &redacted)?;
        out.write_all(b"\n")?;
    }
    if bad > 0 {
        eprintln!("earshot: {bad} of {n} lines skipped");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// The conversations of `items`, redacted for storage when `enabled` (`--redact` of `analyze`):
/// the turns, the customer's fields and the metadata, with the names the metadata gives.
pub fn at_ingest(
    items: impl Iterator<Item = crate::pipeline::Item> + Send,
    enabled: bool,
) -> Result<impl Iterator<Item = crate::pipeline::Item> + Send> {
    use crate::pipeline::Item;
    let redactor = if enabled {
        Some(
            Redactor::new(Config::for_use(Use::Ingest))
                .map_err(|e| anyhow::anyhow!("redaction: {e}"))?,
        )
    } else {
        None
    };
    Ok(items.map(move |item| match (&redactor, item) {
        (Some(r), Item::Conversation(c)) => {
            Item::Conversation(Box::new(redact_conversation(&c, r).0))
        }
        (_, item) => item,
    }))
}

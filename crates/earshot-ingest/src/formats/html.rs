//! HTML bodies (helpdesk messages, HTML-only e-mail) as plain text for analysis.
//!
//! A small tolerant converter: block elements become line breaks, entities are decoded, style
//! and script are dropped. When asked, the quoted history that mail clients append below a reply
//! (Gmail's `gmail_quote`, Apple and Thunderbird `<blockquote type="cite">`, Outlook's
//! `divRplyFwdMsg` and its border-top separator, Yahoo's `yahoo_quoted`) and Gmail's signature
//! block are dropped too, because analysing the customer's old words again in every reply would
//! count the same anger many times.

/// Converts HTML to text; `strip_quotes` also drops quoted history and signature blocks.
pub fn html_to_text(html: &str, strip_quotes: bool) -> String {
    let mut out = Out::default();
    let mut skip: Option<(String, usize)> = None;
    let mut pre_depth = 0usize;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip.is_none() {
                out.text(rest, pre_depth > 0);
            }
            break;
        };
        if lt > 0 && skip.is_none() {
            out.text(rest.get(..lt).unwrap_or_default(), pre_depth > 0);
        }
        rest = rest.get(lt..).unwrap_or_default();
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after
                .find("-->")
                .and_then(|i| after.get(i + 3..))
                .unwrap_or_default();
            continue;
        }
        let Some(gt) = tag_end(rest) else {
            if starts_tag(rest) {
                // A tag that never closes: no `>` follows, so nothing after it is markup.
                if skip.is_none() {
                    out.text(rest, pre_depth > 0);
                }
                break;
            }
            // A `<` that opens no tag is text.
            if skip.is_none() {
                out.text("<", pre_depth > 0);
            }
            rest = rest.get(1..).unwrap_or_default();
            continue;
        };
        let raw = rest.get(1..gt).unwrap_or_default();
        rest = rest.get(gt + 1..).unwrap_or_default();
        let Some(tag) = Tag::parse(raw) else {
            if skip.is_none() {
                out.text("<", pre_depth > 0);
                out.text(raw, pre_depth > 0);
                out.text(">", pre_depth > 0);
            }
            continue;
        };
        if let Some((name, depth)) = &mut skip {
            if tag.name == *name && !tag.self_closing && !is_void(&tag.name) {
                if tag.closing {
                    *depth -= 1;
                    if *depth == 0 {
                        skip = None;
                    }
                } else {
                    *depth += 1;
                }
            }
            continue;
        }
        if tag.closing {
            if tag.name == "pre" {
                pre_depth = pre_depth.saturating_sub(1);
            }
            out.block_end(&tag.name);
            continue;
        }
        if matches!(tag.name.as_str(), "script" | "style" | "title" | "template") {
            // Raw-text elements: their content is never markup, so jump to the closing tag.
            let close = format!("</{}", tag.name);
            rest = find_ci(rest, &close)
                .and_then(|i| rest.get(i..))
                .and_then(|r| r.find('>').and_then(|j| r.get(j + 1..)))
                .unwrap_or_default();
            continue;
        }
        if tag.name == "head" && !tag.self_closing {
            skip = Some((tag.name.clone(), 1));
            continue;
        }
        if strip_quotes {
            match quote_kind(&tag) {
                QuoteKind::None => {}
                QuoteKind::Subtree => {
                    if !tag.self_closing && !is_void(&tag.name) {
                        skip = Some((tag.name.clone(), 1));
                    }
                    continue;
                }
                QuoteKind::RestOfMessage => break,
            }
        }
        if tag.name == "pre" {
            pre_depth += 1;
        }
        out.block_start(&tag.name);
    }
    out.finish()
}

enum QuoteKind {
    None,
    /// The element and its content are quoted history or a signature.
    Subtree,
    /// Everything from here to the end is the quoted message (Outlook puts the quote after a
    /// marker element rather than inside one).
    RestOfMessage,
}

fn quote_kind(tag: &Tag) -> QuoteKind {
    let class = tag.attr("class").unwrap_or_default();
    let id = tag.attr("id").unwrap_or_default();
    if id.eq_ignore_ascii_case("divRplyFwdMsg")
        || id.eq_ignore_ascii_case("appendonsend")
        || id.eq_ignore_ascii_case("stopSpelling")
        || class.contains("yahoo_quoted")
    {
        return QuoteKind::RestOfMessage;
    }
    if tag.name == "div" {
        let style = tag
            .attr("style")
            .unwrap_or_default()
            .to_ascii_lowercase()
            .replace(' ', "");
        if style.contains("border-top:solid")
            && (style.contains("#e1e1e1") || style.contains("#b5c4df"))
        {
            return QuoteKind::RestOfMessage;
        }
    }
    let cite = tag.name == "blockquote"
        && (tag
            .attr("type")
            .is_some_and(|t| t.eq_ignore_ascii_case("cite"))
            || class.contains("gmail_quote"));
    if cite
        || class.split_whitespace().any(|c| {
            matches!(
                c,
                "gmail_quote" | "gmail_quote_container" | "gmail_signature" | "moz-cite-prefix"
            )
        })
    {
        return QuoteKind::Subtree;
    }
    QuoteKind::None
}

/// The index of the `>` closing a tag that starts at `s[0] == '<'`, respecting quoted attribute
/// values; `None` when this `<` does not start a tag.
fn tag_end(s: &str) -> Option<usize> {
    if !starts_tag(s) {
        return None;
    }
    let b = s.as_bytes();
    let mut quote: Option<u8> = None;
    for (i, &c) in b.iter().enumerate().skip(1) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return Some(i),
            None => {}
        }
        // An unbalanced quote would make every later `<` scan to the end of the input; past a
        // generous length the plain next `>` ends the tag instead, which keeps the conversion
        // linear. Long quoted values (inline images) contain no `>` and still end right.
        if i > MAX_QUOTED_SCAN && quote.is_some() {
            return s.find('>');
        }
    }
    if quote.is_some() { s.find('>') } else { None }
}

/// True when the `<` at `s[0]` is followed by what can begin a tag.
fn starts_tag(s: &str) -> bool {
    s.as_bytes()
        .get(1)
        .is_some_and(|&c| c.is_ascii_alphabetic() || c == b'/' || c == b'!' || c == b'?')
}

/// How far a quoted attribute value is followed before the plain next `>` is taken instead.
const MAX_QUOTED_SCAN: usize = 64 * 1024;

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() {
        return Some(0);
    }
    h.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

struct Tag<'a> {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: &'a str,
}

impl<'a> Tag<'a> {
    fn parse(raw: &'a str) -> Option<Tag<'a>> {
        if raw.starts_with('!') || raw.starts_with('?') {
            // Doctype and processing instructions carry no text.
            return Some(Tag {
                name: "!".into(),
                closing: false,
                self_closing: true,
                attrs: "",
            });
        }
        let (closing, body) = match raw.strip_prefix('/') {
            Some(b) => (true, b),
            None => (false, raw),
        };
        let end = body
            .find(|c: char| c.is_ascii_whitespace() || c == '/')
            .unwrap_or(body.len());
        let name = body.get(..end)?.to_ascii_lowercase();
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ':' || c == '-')
        {
            return None;
        }
        let attrs = body.get(end..).unwrap_or_default();
        Some(Tag {
            name,
            closing,
            self_closing: attrs.trim_end().ends_with('/'),
            attrs,
        })
    }

    /// An attribute's value (`class="a b"`, `id=x`).
    fn attr(&self, name: &str) -> Option<&'a str> {
        let lower = self.attrs.to_ascii_lowercase();
        let mut from = 0;
        while let Some(i) = lower
            .get(from..)
            .and_then(|s| s.find(name))
            .map(|i| i + from)
        {
            from = i + name.len();
            let before_ok = i == 0
                || lower
                    .as_bytes()
                    .get(i - 1)
                    .is_some_and(u8::is_ascii_whitespace);
            let after = lower.get(from..).unwrap_or_default().trim_start();
            if !before_ok || !after.starts_with('=') {
                continue;
            }
            let value_start = self.attrs.len() - after.len() + 1;
            let v = self.attrs.get(value_start..)?.trim_start();
            return match v.chars().next() {
                Some(q @ ('"' | '\'')) => v.get(1..).and_then(|r| r.split(q).next()),
                _ => v
                    .split(|c: char| c.is_ascii_whitespace() || c == '>')
                    .next(),
            };
        }
        None
    }
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "br" | "img"
            | "hr"
            | "meta"
            | "link"
            | "input"
            | "area"
            | "base"
            | "col"
            | "embed"
            | "source"
            | "wbr"
            | "!"
    )
}

/// The text being built, with line breaks requested by block elements applied lazily so that
/// nested blocks do not stack up empty lines.
#[derive(Default)]
struct Out {
    s: String,
    pending: usize,
    space: bool,
}

impl Out {
    fn text(&mut self, raw: &str, pre: bool) {
        let decoded = decode_entities(raw);
        for c in decoded.chars() {
            let c = if c == '\u{a0}' { ' ' } else { c };
            if pre {
                self.flush();
                self.s.push(c);
                continue;
            }
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            if self.pending > 0 {
                self.flush();
            } else if self.space && !self.s.is_empty() && !self.s.ends_with('\n') {
                self.s.push(' ');
            }
            self.space = false;
            self.s.push(c);
        }
    }

    fn flush(&mut self) {
        if !self.s.is_empty() {
            let have = self.s.len() - self.s.trim_end_matches('\n').len();
            for _ in have..self.pending {
                self.s.push('\n');
            }
        }
        self.pending = 0;
        self.space = false;
    }

    fn block_start(&mut self, name: &str) {
        match name {
            "br" => {
                self.flush();
                self.s.push('\n');
            }
            "li" => {
                self.pending = self.pending.max(1);
                self.flush();
                self.s.push_str("- ");
            }
            "td" | "th" => self.space = true,
            _ => self.pending = self.pending.max(break_for(name)),
        }
    }

    fn block_end(&mut self, name: &str) {
        self.pending = self.pending.max(break_for(name));
    }

    fn finish(self) -> String {
        let mut out = String::with_capacity(self.s.len());
        let mut blank = 0;
        for line in self.s.lines() {
            let line = line.trim_end();
            if line.is_empty() {
                blank += 1;
                if blank > 1 {
                    continue;
                }
            } else {
                blank = 0;
            }
            out.push_str(line);
            out.push('\n');
        }
        out.trim().to_string()
    }
}

/// How many line breaks an element asks for around itself: two for paragraphs, one for other
/// blocks, none for inline elements.
fn break_for(name: &str) -> usize {
    match name {
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "ul" | "ol" | "blockquote"
        | "pre" => 2,
        "div" | "tr" | "li" | "hr" | "section" | "article" | "header" | "footer" | "address"
        | "dd" | "dt" | "dl" | "center" | "form" | "fieldset" | "tbody" | "thead" => 1,
        _ => 0,
    }
}

/// Decodes `&amp;`, `&#233;`, `&#xE9;` and the named entities common in mail and helpdesk HTML.
pub(crate) fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or_default());
        let after = rest.get(i + 1..).unwrap_or_default();
        let end = after.find(';').filter(|&e| e > 0 && e <= 10);
        let decoded = end.and_then(|e| after.get(..e)).and_then(entity);
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = after.get(e + 1..).unwrap_or_default();
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return Some(char::from_u32(code).unwrap_or('\u{fffd}'));
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "deg" => '°',
        "times" => '×',
        "iexcl" => '¡',
        "iquest" => '¿',
        "szlig" => 'ß',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "aacute" => 'á',
        "agrave" => 'à',
        "acirc" => 'â',
        "eacute" => 'é',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "Eacute" => 'É',
        "iacute" => 'í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "ugrave" => 'ù',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "Ntilde" => 'Ñ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_entities_and_scripts() {
        let t = html_to_text(
            "<html><head><title>x</title><style>p{}</style></head><body><p>Hola,&nbsp;¿cu&aacute;ndo?</p><div>A &amp; B<br>C</div><script>if (a<b) {}</script><ul><li>one</li><li>two</li></ul></body></html>",
            false,
        );
        assert_eq!(t, "Hola, ¿cuándo?\n\nA & B\nC\n\n- one\n- two");
    }

    #[test]
    fn quotes_are_stripped_when_asked() {
        let gmail = "<div dir=\"ltr\">Still waiting!</div><br><div class=\"gmail_quote\"><div class=\"gmail_attr\">On Tue, 7 May 2024 Shop wrote:<br></div><blockquote class=\"gmail_quote\">We shipped it.</blockquote></div>";
        assert_eq!(html_to_text(gmail, true), "Still waiting!");
        assert!(html_to_text(gmail, false).contains("We shipped it."));
        let outlook = "<p>Danke.</p><div id=\"appendonsend\"></div><hr><div id=\"divRplyFwdMsg\"><b>Von:</b> Shop</div><p>Alt</p>";
        assert_eq!(html_to_text(outlook, true), "Danke.");
        let apple = "Merci<blockquote type=\"cite\">Old <blockquote type=\"cite\">older</blockquote> tail</blockquote> fin";
        assert_eq!(html_to_text(apple, true), "Merci fin");
    }

    #[test]
    fn broken_markup_does_not_lose_text() {
        assert_eq!(html_to_text("a < b and <3 <p", false), "a < b and <3 <p");
        assert_eq!(
            html_to_text("x &bogus; &#99999999; &#x41;", false),
            "x &bogus; \u{fffd} A"
        );
        assert_eq!(html_to_text("<!-- unterminated", false), "");
        assert_eq!(html_to_text("x <a href='y z", false), "x <a href='y z");
        let many = "<a".repeat(50_000);
        assert_eq!(html_to_text(&many, false).len(), many.len());
        assert_eq!(html_to_text("<pre>  a\n  b</pre>", false), "a\n  b");
    }
}

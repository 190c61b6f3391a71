//! Rules as code: QA rule packs that analysts write in YAML files, each rule with its own
//! examples. A pack is a directory with a `pack.toml` (name, version, calendars, workspaces,
//! scorecard settings, an optional product-facts catalogue) and any number of `*.yaml` rule
//! files. See `docs/rules.md` for the language.
//!
//! Loading a pack ([`RulePack::load`], [`RulePack::parse`]) is fallible and reports every problem
//! with its file, line and field; evaluating one ([`RulesAnalyzer`]) cannot fail.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use earshot_model::Finding;

mod builtin;
pub mod catalogue;
mod compile;
mod eval;
mod examples;
mod gated;
mod model;
mod phrases;
pub mod scoring;
mod testing;
mod timing;

pub use catalogue::Catalogue;
pub(crate) use eval::code_matches;
pub use scoring::ScorecardSettings;
pub use testing::{CaseResult, RuleExamples, TestReport};

use crate::{ConversationAnalyzer, ConversationContext};
use compile::{Compiler, Rule};
use model::{PackToml, RuleFile};
use phrases::{PhraseBank, PhraseBankBuilder};
use timing::Calendar;

/// One problem in a rule pack, at a place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleDiagnostic {
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for RuleDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}

/// Everything wrong with a pack, in file order.
#[derive(Debug, Clone, thiserror::Error)]
pub struct RuleError(pub Vec<RuleDiagnostic>);

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.0.iter().map(|d| d.to_string()).collect();
        f.write_str(&lines.join("\n"))
    }
}

/// One rule of a pack, as a listing shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleInfo {
    pub id: String,
    pub code: String,
    pub severity: earshot_model::Severity,
    pub explain: String,
}

/// A loaded, compiled rule pack. Cloning is cheap.
#[derive(Debug, Clone)]
pub struct RulePack {
    inner: Arc<CompiledPack>,
    /// The files it was built from, kept so settings such as extra forbidden words can be added
    /// by recompiling.
    sources: Arc<Vec<(String, String)>>,
}

/// What the evaluator needs.
#[derive(Debug)]
pub struct CompiledPack {
    pub name: String,
    pub version: String,
    pub description: String,
    rules: Vec<Rule>,
    bank: PhraseBank,
    /// `(set, workspace, base set)`: phrases that count only in one workspace.
    ws_sets: Vec<(u32, String, u32)>,
    calendars: HashMap<String, Calendar>,
    workspace_calendar: HashMap<String, String>,
    scorecard: ScorecardSettings,
    catalogue: Option<Catalogue>,
    examples: Vec<RuleExamples>,
}

impl RulePack {
    /// The built-in e-commerce pack, embedded in the binary.
    pub fn builtin() -> RulePack {
        static PACK: OnceLock<RulePack> = OnceLock::new();
        PACK.get_or_init(|| {
            let files = builtin::FILES
                .iter()
                .map(|(n, t)| (format!("rules/builtin/{n}"), t.to_string()))
                .collect();
            // The built-in pack is part of the program; the test suite loads it, so a broken one
            // never ships.
            RulePack::parse(files)
                .unwrap_or_else(|e| panic!("the built-in rule pack does not load:\n{e}"))
        })
        .clone()
    }

    /// Loads the pack in a directory: `pack.toml`, every `*.yaml`/`*.yml` file, and the
    /// catalogue `pack.toml` names.
    pub fn load(dir: impl AsRef<Path>) -> Result<RulePack, RuleError> {
        let dir = dir.as_ref();
        let fail = |file: &Path, message: String| {
            RuleError(vec![RuleDiagnostic {
                file: file.display().to_string(),
                line: 0,
                message,
            }])
        };
        let entries = std::fs::read_dir(dir)
            .map_err(|e| fail(dir, format!("cannot read the pack directory: {e}")))?;
        let mut names: Vec<std::path::PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                name == "pack.toml"
                    || name.ends_with(".yaml")
                    || name.ends_with(".yml")
                    || name.ends_with(".csv")
            })
            .collect();
        names.sort();
        let mut files = Vec::new();
        for p in names {
            let text =
                std::fs::read_to_string(&p).map_err(|e| fail(&p, format!("cannot read: {e}")))?;
            files.push((p.display().to_string(), text));
        }
        if !files.iter().any(|(n, _)| n.ends_with("pack.toml")) {
            return Err(fail(
                &dir.join("pack.toml"),
                "missing: a pack needs a pack.toml with name and version".into(),
            ));
        }
        RulePack::parse(files)
    }

    /// Builds a pack from `(file name, text)` pairs: one `pack.toml`, rule files ending in
    /// `.yaml`/`.yml`, and CSV catalogues.
    pub fn parse(files: Vec<(String, String)>) -> Result<RulePack, RuleError> {
        let inner = compile_pack(&files, &[])?;
        Ok(RulePack {
            inner: Arc::new(inner),
            sources: Arc::new(files),
        })
    }

    /// The same pack with more words in its `forbidden` phrase set (from the engine settings).
    pub fn with_forbidden_words(&self, words: &[String]) -> Result<RulePack, RuleError> {
        if words.is_empty() {
            return Ok(self.clone());
        }
        let inner = compile_pack(&self.sources, words)?;
        Ok(RulePack {
            inner: Arc::new(inner),
            sources: self.sources.clone(),
        })
    }

    /// The same pack checking claims against another catalogue.
    pub fn with_catalogue(&self, catalogue: Catalogue) -> RulePack {
        let mut inner = compile_pack(&self.sources, &[])
            .unwrap_or_else(|_| unreachable!("the pack compiled before"));
        inner.catalogue = Some(catalogue);
        RulePack {
            inner: Arc::new(inner),
            sources: self.sources.clone(),
        }
    }

    pub fn name(&self) -> &str {
        &self.inner.name
    }

    pub fn version(&self) -> &str {
        &self.inner.version
    }

    pub fn description(&self) -> &str {
        &self.inner.description
    }

    /// How many phrase sets the pack compiled, named and written in place.
    pub fn phrase_sets(&self) -> u32 {
        self.inner.bank.set_count()
    }

    /// Whether the pack defines a named phrase set.
    pub fn has_phrase_set(&self, name: &str) -> bool {
        self.inner.bank.id(name).is_some()
    }

    /// The ids of the rules, in file order.
    pub fn rule_ids(&self) -> Vec<&str> {
        self.inner.rules.iter().map(|r| r.id.as_str()).collect()
    }

    /// The rules, in file order: id, code, severity and explanation, for listings.
    pub fn rules(&self) -> Vec<RuleInfo> {
        self.inner
            .rules
            .iter()
            .map(|r| RuleInfo {
                id: r.id.clone(),
                code: r.code.as_str().to_string(),
                severity: r.severity,
                explain: r.explain.clone(),
            })
            .collect()
    }

    /// The codes the pack's rules emit.
    pub fn codes(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.inner.rules.iter().map(|r| r.code.as_str()).collect();
        v.sort();
        v.dedup();
        v
    }

    pub fn scorecard(&self) -> &ScorecardSettings {
        &self.inner.scorecard
    }

    pub(crate) fn compiled(&self) -> Arc<CompiledPack> {
        self.inner.clone()
    }
}

/// The line (1-based) of the first line of `text` that starts a rule with this id.
fn rule_line(text: &str, id: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start().trim_start_matches("- ").trim();
            l.strip_prefix("id:")
                .is_some_and(|v| v.trim().trim_matches(['"', '\'']) == id)
        })
        .map_or(0, |i| i + 1)
}

fn line_of_byte(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].matches('\n').count() + 1
}

fn compile_pack(
    files: &[(String, String)],
    extra_forbidden: &[String],
) -> Result<CompiledPack, RuleError> {
    let mut errors = Vec::new();
    let diag = |file: &str, line: usize, message: String| RuleDiagnostic {
        file: file.to_string(),
        line,
        message,
    };
    let mut meta: Option<(String, PackToml)> = None;
    let mut rule_files: Vec<(String, String, RuleFile)> = Vec::new();
    let mut csv: Vec<(String, String)> = Vec::new();
    for (name, text) in files {
        if name.ends_with("pack.toml") {
            match toml::from_str::<PackToml>(text) {
                Ok(p) => meta = Some((name.clone(), p)),
                Err(e) => {
                    let line = e.span().map_or(0, |s| line_of_byte(text, s.start));
                    errors.push(diag(name, line, e.message().to_string()));
                }
            }
        } else if name.ends_with(".csv") {
            csv.push((name.clone(), text.clone()));
        } else {
            match serde_yaml_ng::from_str::<RuleFile>(text) {
                Ok(f) => rule_files.push((name.clone(), text.clone(), f)),
                Err(e) => {
                    let line = e.location().map_or(0, |l| l.line());
                    let msg = e.to_string();
                    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                    errors.push(diag(name, line, msg));
                }
            }
        }
    }
    let Some((meta_file, meta)) = meta else {
        if errors.is_empty() {
            errors.push(diag(
                "pack.toml",
                0,
                "missing: a pack needs a pack.toml with name and version".into(),
            ));
        }
        return Err(RuleError(errors));
    };
    if meta.name.trim().is_empty() || meta.version.trim().is_empty() {
        errors.push(diag(
            &meta_file,
            1,
            "fields `name` and `version` must not be empty".into(),
        ));
    }
    // Phrase sets are pack-wide: collect them all before compiling any rule.
    let mut bank = PhraseBankBuilder::default();
    let mut set_home: BTreeMap<String, String> = BTreeMap::new();
    for (name, text, f) in &rule_files {
        for (set, list) in &f.phrases {
            if let Some(other) = set_home.insert(set.clone(), name.clone()) {
                let line = text
                    .lines()
                    .position(|l| l.trim_start().starts_with(&format!("{set}:")))
                    .map_or(0, |i| i + 1);
                errors.push(diag(
                    name,
                    line,
                    format!("phrase set {set:?} is also defined in {other}"),
                ));
            }
            let id = bank.named(set);
            for p in list.all() {
                bank.add(id, p);
            }
        }
    }
    let forbidden = bank.named("forbidden");
    for w in extra_forbidden {
        bank.add(forbidden, w);
    }
    let mut ws_sets = Vec::new();
    let mut workspace_calendar = HashMap::new();
    for (ws, def) in &meta.workspaces {
        if !def.forbidden.is_empty() {
            let id = bank.anonymous();
            for w in &def.forbidden {
                bank.add(id, w);
            }
            ws_sets.push((id, ws.clone(), forbidden));
        }
        if let Some(c) = &def.calendar {
            if !meta.calendars.contains_key(c) {
                errors.push(diag(
                    &meta_file,
                    0,
                    format!("workspaces.{ws}.calendar: unknown calendar {c:?}"),
                ));
            }
            workspace_calendar.insert(ws.clone(), c.clone());
        }
    }
    let mut calendars = HashMap::new();
    for (n, def) in &meta.calendars {
        match Calendar::from_def(def) {
            Ok(c) => {
                calendars.insert(n.clone(), c);
            }
            Err(e) => errors.push(diag(&meta_file, 0, format!("calendars.{n}: {e}"))),
        }
    }
    let mut rules = Vec::new();
    let mut examples = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for (name, text, f) in &rule_files {
        for d in &f.rules {
            let line = rule_line(text, &d.id);
            let at = |m: String| diag(name, line, format!("rule {:?}: {m}", d.id));
            if let Some(other) = seen.insert(d.id.clone(), name.clone()) {
                errors.push(at(format!("the id is also used in {other}")));
            }
            match (Compiler { bank: &mut bank }).rule(d) {
                Ok(r) => {
                    if let Some(c) = &r.timing_calendar()
                        && !calendars.contains_key(c)
                    {
                        errors.push(at(format!(
                            "field `timing.calendar`: unknown calendar {c:?}"
                        )));
                    }
                    rules.push(r);
                }
                Err(e) => errors.push(at(e)),
            }
            if let Some(t) = &d.tests {
                let mut ex = RuleExamples {
                    rule: d.id.clone(),
                    file: name.clone(),
                    line,
                    trigger: Vec::new(),
                    pass: Vec::new(),
                };
                for (kind, list, into) in [
                    ("trigger", &t.trigger, &mut ex.trigger),
                    ("pass", &t.pass, &mut ex.pass),
                ] {
                    for (k, e) in list.iter().enumerate() {
                        match examples::to_conversation(&format!("{}-{kind}-{}", d.id, k + 1), e) {
                            Ok(c) => into.push(c),
                            Err(m) => errors.push(at(format!("tests.{kind}[{k}]: {m}"))),
                        }
                    }
                }
                examples.push(ex);
            }
        }
    }
    let scorecard = match ScorecardSettings::from_def(&meta.scorecard, &rules) {
        Ok(s) => s,
        Err(e) => {
            errors.push(diag(&meta_file, 0, format!("scorecard: {e}")));
            ScorecardSettings::default()
        }
    };
    let mut catalogue = None;
    if let Some(c) = &meta.catalogue {
        match csv.iter().find(|(n, _)| n.ends_with(c.as_str())) {
            Some((n, text)) => match Catalogue::parse_csv(text) {
                Ok(cat) => catalogue = Some(cat),
                Err((line, m)) => errors.push(diag(n, line, m)),
            },
            None => errors.push(diag(
                &meta_file,
                0,
                format!("catalogue {c:?} not found beside pack.toml"),
            )),
        }
    }
    let bank = match bank.build() {
        Ok(b) => b,
        Err(e) => {
            errors.push(diag(&meta_file, 0, e));
            return Err(RuleError(errors));
        }
    };
    if !errors.is_empty() {
        return Err(RuleError(errors));
    }
    Ok(CompiledPack {
        name: meta.name,
        version: meta.version,
        description: meta.description,
        rules,
        bank,
        ws_sets,
        calendars,
        workspace_calendar,
        scorecard,
        catalogue,
        examples,
    })
}

/// The conversation-stage analyzer that runs a pack's rules and its catalogue check.
pub struct RulesAnalyzer {
    pack: Arc<CompiledPack>,
}

impl RulesAnalyzer {
    pub fn new(pack: &RulePack) -> RulesAnalyzer {
        RulesAnalyzer {
            pack: pack.compiled(),
        }
    }
}

impl ConversationAnalyzer for RulesAnalyzer {
    fn name(&self) -> &'static str {
        "rules"
    }

    fn analyze(&self, cx: &ConversationContext<'_>, out: &mut Vec<Finding>) {
        let scan = eval::Scan::new(cx, &self.pack, out);
        let mut found = Vec::new();
        for r in &self.pack.rules {
            scan.run(r, &mut found);
        }
        if let Some(cat) = &self.pack.catalogue {
            cat.check(&scan, &mut found);
        }
        out.extend(found);
    }
}

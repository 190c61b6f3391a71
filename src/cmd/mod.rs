//! One module per subcommand: its flags (`Args`) and its `run`.

pub mod analyze;
pub mod classify;
pub mod demo;
pub mod eval;
pub mod export;
pub mod import;
pub mod redact;
pub mod rules;
pub mod serve;
pub mod token;
pub mod train;
pub mod user;

/// The development data directory (`../shared/data` beside the project unless `--data` names
/// another), checked to exist so that `eval` and `train` fail with a clear message.
fn development_data(given: Option<std::path::PathBuf>) -> anyhow::Result<std::path::PathBuf> {
    let data = given.unwrap_or_else(earshot_eval::default_shared_dir);
    if !data.is_dir() {
        anyhow::bail!(
            "{}: no development data there; pass --data DIR",
            data.display()
        );
    }
    Ok(data)
}

//! The built-in pack's files, embedded so a binary needs no files at run time. A test checks
//! that this list matches the directory, so a new file cannot be forgotten.

macro_rules! files {
    ($($name:literal),* $(,)?) => {
        pub const FILES: &[(&str, &str)] = &[
            $(($name, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../rules/builtin/", $name))),)*
        ];
    };
}

files!(
    "pack.toml",
    "catalogue.csv",
    "courtesy.yaml",
    "process.yaml",
    "conduct.yaml",
    "sla.yaml",
);

#[cfg(test)]
mod tests {
    #[test]
    fn the_embedded_list_matches_the_directory() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../rules/builtin");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".yaml") || n.ends_with(".toml") || n.ends_with(".csv"))
            .collect();
        on_disk.sort();
        let mut listed: Vec<String> = super::FILES.iter().map(|(n, _)| n.to_string()).collect();
        listed.sort();
        assert_eq!(on_disk, listed);
    }
}

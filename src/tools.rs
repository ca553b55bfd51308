//! The commands that print something about newslens itself (`newslens completions SHELL`,
//! `newslens man`, `newslens schema`): generated from the clap definition of
//! [`crate::cli::Args`], so they list exactly the flags the binary takes, and from the wire
//! structs of [`newslens::output`], so the schema describes exactly what is printed. The man page is made at run time, not in `build.rs`:
//! the flags' definition lives in the binary (it names library types), and a page printed by
//! the binary always matches that binary.

use std::io::{self, Write};

use clap::CommandFactory;

use crate::cli::{Args, Tool};

/// Writes what `tool` prints to `out`.
pub fn run(tool: &Tool, out: &mut dyn Write) -> io::Result<()> {
    let mut cmd = Args::command();
    match tool {
        Tool::Completions { shell } => {
            clap_complete::generate(*shell, &mut cmd, "newslens", out);
            Ok(())
        }
        Tool::Man => clap_mangen::Man::new(cmd).render(out),
        Tool::Schema { tokens } => {
            let schema = if *tokens {
                newslens::output::tokens_schema()
            } else {
                newslens::output::schema()
            };
            serde_json::to_writer_pretty(&mut *out, &schema)?;
            writeln!(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap_complete::Shell;

    fn printed(tool: Tool) -> String {
        let mut out = Vec::new();
        run(&tool, &mut out).expect("written");
        String::from_utf8(out).expect("UTF-8")
    }

    /// Every long flag of the analysing command, as `--name`.
    fn long_flags() -> Vec<String> {
        Args::command()
            .get_arguments()
            .filter_map(|a| a.get_long())
            .map(|l| format!("--{l}"))
            .collect()
    }

    #[test]
    fn completions_name_the_real_flags() {
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
            let script = printed(Tool::Completions { shell });
            assert!(script.len() > 500, "{shell}: {} bytes", script.len());
            for flag in ["input-format", "only", "max-bytes", "completions"] {
                assert!(script.contains(flag), "{shell}: no {flag}");
            }
        }
    }

    #[test]
    fn man_page_names_every_flag_and_command() {
        let page = printed(Tool::Man);
        assert!(page.starts_with(".ie") || page.contains(".TH"), "{page}");
        // roff escapes a hyphen as \-.
        let page = page.replace("\\-", "-");
        let flags = long_flags();
        assert!(flags.len() >= 12, "{flags:?}");
        for flag in flags
            .iter()
            .map(String::as_str)
            .chain(["completions", "man", "schema"])
        {
            assert!(page.contains(flag), "man page lacks {flag}");
        }
    }
}

//! What the help and the manual pages add to the clap definition: an EXAMPLES section for
//! every command (one table, here), and the value candidates shell completion offers
//! (providers, steps, statuses, and user ids read from the database). [`command`] is the
//! decorated definition every consumer uses: parsing, completion, `completions`, `man`.

use clap::{Arg, CommandFactory};
use clap_complete::engine::{ArgValueCandidates, ArgValueCompleter, CompletionCandidate};

use super::Cli;
use crate::domain::{providers, StepNumber, StepStatus};

/// The examples of each command, by its path: `(command line, what it does)`. A command
/// group's examples are the first example of each of its commands.
const EXAMPLES: &[(&str, &[(&str, &str)])] = &[
    (
        "session create",
        &[(
            "onboardctl session create u1",
            "Create user u1's session (or return the existing one)",
        )],
    ),
    (
        "session show",
        &[
            (
                "onboardctl session show u1",
                "Show u1's session and its six steps",
            ),
            ("onboardctl --json session show u1", "The same as JSON"),
        ],
    ),
    (
        "session list",
        &[
            (
                "onboardctl session list --status in-progress --step 2",
                "Unfinished sessions at step 2",
            ),
            (
                "onboardctl session list --stalled-days 30",
                "Sessions unchanged for 30 days",
            ),
        ],
    ),
    (
        "session delete",
        &[
            (
                "onboardctl session delete u1 --dry-run",
                "List what deleting u1 would remove",
            ),
            (
                "onboardctl session delete u1 --yes",
                "Delete u1 and all their data without asking",
            ),
        ],
    ),
    (
        "session reset",
        &[
            (
                "onboardctl session reset u1",
                "Put u1's steps back to pending, keeping their data",
            ),
            (
                "onboardctl session reset u1 --purge --yes",
                "Reset and remove the stored data too",
            ),
        ],
    ),
    (
        "key set",
        &[
            (
                "onboardctl key set u1 gemini --from-env GEMINI_API_KEY",
                "Store u1's Gemini key from a variable",
            ),
            (
                "pass show gemini | onboardctl key set u1 gemini --stdin",
                "Store it from stdin",
            ),
        ],
    ),
    (
        "key get",
        &[
            ("onboardctl key get u1 exa", "Show u1's Exa key, masked"),
            ("onboardctl key get u1 exa --reveal", "Show it in full"),
        ],
    ),
    (
        "key list",
        &[("onboardctl key list u1", "List u1's keys, masked")],
    ),
    (
        "key delete",
        &[("onboardctl key delete u1 tavily", "Delete u1's Tavily key")],
    ),
    (
        "key providers",
        &[(
            "onboardctl key providers",
            "The known providers and their env vars",
        )],
    ),
    (
        "key reseal",
        &[
            (
                "onboardctl key reseal",
                "Encrypt every plaintext key with ONBOARDCTL_MASTER_KEY",
            ),
            (
                "onboardctl key reseal --old-master-key-env OLD_KEY",
                "Re-encrypt keys sealed under the key in $OLD_KEY",
            ),
        ],
    ),
    (
        "progress show",
        &[(
            "onboardctl progress show u1",
            "u1's progress summary and steps",
        )],
    ),
    (
        "progress step",
        &[
            (
                "onboardctl progress step u1 2 completed",
                "Complete step 2 (its requirements are checked)",
            ),
            ("onboardctl progress step u1 5 skipped", "Skip step 5"),
            (
                "onboardctl progress step u1 3 completed --force --reason 'set up by hand'",
                "Complete step 3 without the checks",
            ),
        ],
    ),
    (
        "progress set-step",
        &[(
            "onboardctl progress set-step u1 3",
            "Make step 3 the current step",
        )],
    ),
    (
        "progress set",
        &[("onboardctl progress set u1 50", "Show u1's progress as 50%")],
    ),
    (
        "analysis set",
        &[
            (
                "onboardctl analysis set u1 --file analysis.json",
                "Store u1's website analysis from a file",
            ),
            (
                "echo '{\"website_url\": \"https://example.com\"}' | onboardctl analysis set u1 -",
                "From stdin",
            ),
        ],
    ),
    (
        "analysis show",
        &[("onboardctl analysis show u1", "Show u1's website analysis")],
    ),
    (
        "research set",
        &[
            (
                "onboardctl research set u1",
                "Store the default research preferences",
            ),
            (
                "onboardctl research set u1 --depth comprehensive --content-types blog,social",
                "Override fields",
            ),
        ],
    ),
    (
        "research show",
        &[(
            "onboardctl research show u1",
            "Show u1's research preferences",
        )],
    ),
    (
        "persona set",
        &[(
            "onboardctl persona set u1 --file persona.json",
            "Store u1's persona data from a file",
        )],
    ),
    (
        "persona show",
        &[("onboardctl persona show u1", "Show u1's persona data")],
    ),
    (
        "ai-inputs",
        &[(
            "onboardctl --json ai-inputs u1",
            "The AI inputs derived from u1's data, as JSON",
        )],
    ),
    (
        "complete",
        &[
            (
                "onboardctl complete u1",
                "Complete u1's onboarding (steps 1-5 must allow it)",
            ),
            (
                "onboardctl complete u1 --force --reason 'migrated'",
                "Complete it anyway and record why",
            ),
        ],
    ),
    (
        "export",
        &[
            (
                "onboardctl export > users.ndjson",
                "Every user, one per line, keys masked",
            ),
            (
                "onboardctl export --user u1 --include-secrets",
                "One user with their keys in full",
            ),
        ],
    ),
    (
        "import",
        &[
            (
                "onboardctl import users.ndjson --dry-run",
                "Check a file without writing",
            ),
            ("onboardctl import - < users.ndjson", "Import from stdin"),
        ],
    ),
    (
        "import legacy-json",
        &[(
            "onboardctl import legacy-json .onboarding_progress_u1.json --user u1",
            "Import ALwrity's legacy progress file for u1",
        )],
    ),
    (
        "db migrate",
        &[
            (
                "onboardctl db migrate --dry-run",
                "List the migrations that would be applied",
            ),
            (
                "onboardctl --database-url postgres://app@db/alwrity db migrate --yes",
                "Apply them",
            ),
        ],
    ),
    (
        "db status",
        &[
            (
                "onboardctl db status",
                "Schema version, era and duplicate sessions",
            ),
            (
                "onboardctl db status --check",
                "Exit 6 when migrations are pending",
            ),
        ],
    ),
    (
        "db repair",
        &[(
            "onboardctl db repair --dry-run",
            "Show what a repair would change",
        )],
    ),
    (
        "db copy",
        &[(
            "onboardctl db copy --to postgres://app@db/alwrity --yes",
            "Copy every user from the current database to PostgreSQL",
        )],
    ),
    (
        "doctor",
        &[
            ("onboardctl doctor", "Check the database and local setup"),
            ("onboardctl --json doctor", "The findings as JSON"),
        ],
    ),
    (
        "report",
        &[
            (
                "onboardctl report",
                "The funnel of every user, bars sized to the terminal",
            ),
            (
                "onboardctl report --since 2026-01-01 --until 2026-02-01 --stalled-days 3",
                "Users who started in January 2026, stuck after 3 days",
            ),
            (
                "onboardctl report --by month --json",
                "Monthly cohorts as JSON (the numbers only)",
            ),
            (
                "onboardctl --database-url workspace:/srv/alwrity report",
                "An ALwrity HEAD workspace: every user file, merged",
            ),
        ],
    ),
    (
        "audit log",
        &[
            (
                "onboardctl audit log --user u1 --since 2026-11-01",
                "Who changed u1's data since November, and how",
            ),
            (
                "onboardctl --actor ops@example audit log --limit 20",
                "The last 20 changes made as ops@example",
            ),
        ],
    ),
    (
        "run",
        &[
            (
                "onboardctl run --user u1 -- uvicorn app:app",
                "Start ALwrity's backend with u1's keys in its environment, no .env written",
            ),
            (
                "onboardctl run --user u1 --provider gemini --frontend -- npm start",
                "Only the Gemini key, plus CopilotKit's frontend variable",
            ),
        ],
    ),
    (
        "env diff",
        &[("onboardctl env diff u1", "Compare u1's keys with ./.env")],
    ),
    (
        "env sync",
        &[
            ("onboardctl env sync u1", "Write u1's keys into ./.env"),
            (
                "onboardctl env sync u1 --check",
                "Exit 6 when the file differs",
            ),
        ],
    ),
    (
        "completions",
        &[
            (
                "onboardctl completions bash > /etc/bash_completion.d/onboardctl",
                "Install bash completion",
            ),
            (
                "onboardctl completions fish > ~/.config/fish/completions/onboardctl.fish",
                "Install fish completion",
            ),
        ],
    ),
    (
        "man",
        &[
            ("onboardctl man | man -l -", "Read the manual page"),
            (
                "onboardctl man --dir /usr/local/share/man/man1",
                "Write a page per command",
            ),
        ],
    ),
];

/// The examples of the command at `path` (`""` for onboardctl itself, `"key set"`).
pub fn examples(cmd: &clap::Command, path: &str) -> Vec<(String, String)> {
    if let Some((_, list)) = EXAMPLES.iter().find(|(p, _)| *p == path) {
        return list
            .iter()
            .map(|(c, w)| ((*c).to_owned(), (*w).to_owned()))
            .collect();
    }
    cmd.get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
        .filter_map(|s| {
            let sub = join(path, s.get_name());
            examples(s, &sub).into_iter().next()
        })
        .collect()
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path} {name}")
    }
}

/// The decorated clap definition of `onboardctl`.
pub fn command() -> clap::Command {
    decorate(Cli::command(), "")
}

fn decorate(mut cmd: clap::Command, path: &str) -> clap::Command {
    let examples = examples(&cmd, path);
    if !examples.is_empty() {
        let mut text = String::from("Examples:\n");
        for (line, what) in &examples {
            text.push_str(&format!("  # {what}\n  {line}\n"));
        }
        if let Some(after) = cmd.get_after_help() {
            text.push_str(&format!("\n{after}"));
        }
        cmd = cmd.after_long_help(text.trim_end().to_owned());
    }
    cmd = cmd.mut_args(candidates);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let sub = join(path, &name);
        cmd = cmd.mut_subcommand(&name, |s| decorate(s, &sub));
    }
    cmd
}

/// The completion candidates of an argument, by what it holds.
fn candidates(arg: Arg) -> Arg {
    match (arg.get_id().as_str(), arg.get_value_names()) {
        (_, Some([v])) if v == "USER" => {
            arg.add(ArgValueCompleter::new(super::completions::user_ids))
        }
        ("provider", _) => arg.add(ArgValueCandidates::new(provider_candidates)),
        ("step", _) => arg.add(ArgValueCandidates::new(step_candidates)),
        ("status", Some([v])) if v == "STATUS" => {
            arg.add(ArgValueCandidates::new(status_candidates))
        }
        _ => arg,
    }
}

fn provider_candidates() -> Vec<CompletionCandidate> {
    providers::all()
        .iter()
        .map(|p| CompletionCandidate::new(p.name).help(Some(p.description.into())))
        .collect()
}

fn step_candidates() -> Vec<CompletionCandidate> {
    StepNumber::all()
        .map(|s| CompletionCandidate::new(s.to_string()).help(Some(s.title().into())))
        .collect()
}

fn status_candidates() -> Vec<CompletionCandidate> {
    StepStatus::ALL
        .iter()
        .map(|s| CompletionCandidate::new(s.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command, by path, onboardctl itself first.
    fn all(cmd: &clap::Command, path: &str, out: &mut Vec<(String, clap::Command)>) {
        out.push((path.to_owned(), cmd.clone()));
        for s in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            all(s, &join(path, s.get_name()), out);
        }
    }

    #[test]
    fn every_command_has_examples_of_itself() {
        let mut cmds = Vec::new();
        all(&command(), "", &mut cmds);
        assert!(cmds.len() > 30, "{}", cmds.len());
        for (path, cmd) in &cmds {
            let list = examples(cmd, path);
            assert!(!list.is_empty(), "`{path}` has no examples");
            let long = cmd.get_after_long_help().map(|h| h.to_string());
            assert!(long.is_some_and(|h| h.starts_with("Examples:")), "{path}");
            for (line, _) in list {
                assert!(
                    line.contains(&format!("onboardctl {path}"))
                        || line.contains(&format!(" {path}")),
                    "`{path}`: {line}"
                );
            }
        }
    }

    #[test]
    fn every_example_names_a_command_that_exists() {
        let root = command();
        for (path, _) in EXAMPLES {
            let mut cmd = &root;
            for name in path.split(' ') {
                cmd = cmd
                    .find_subcommand(name)
                    .unwrap_or_else(|| panic!("no `{path}`"));
            }
        }
    }

    #[test]
    fn value_candidates_cover_providers_steps_and_statuses() {
        let names: Vec<String> = provider_candidates()
            .iter()
            .map(|c| c.get_value().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().any(|n| n == "gemini") && names.iter().any(|n| n == "copilotkit"));
        assert_eq!(step_candidates().len(), 6);
        let statuses: Vec<String> = status_candidates()
            .iter()
            .map(|c| c.get_value().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            statuses,
            ["pending", "in_progress", "completed", "skipped", "failed"]
        );
    }
}

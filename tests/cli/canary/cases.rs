//! The leak canary's fixture (two databases holding the canary, files that carry it) and its
//! table: at least one case per command, on success and on provoked errors. Cases run in
//! order, each in every variant; a case's expected exit code holds in every variant.
//! Longer than the usual 300 lines on purpose: the table is data, and one place to read it
//! beats several.

use std::path::{Path, PathBuf};

use super::CANARY;
use crate::encryption::{MASTER_A, MASTER_B};
use crate::persona::PERSONA;
use crate::{assert_success, test_db, TestDb, FAKE_COPILOTKIT, FAKE_EXA};

/// Which database a case runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// Keys in plaintext.
    Plain,
    /// The canary sealed under [`MASTER_A`].
    Sealed,
}

/// One command line and what it must do.
#[derive(Debug, Clone)]
pub struct Case {
    /// The command path, as `every_command_has_a_case` names commands.
    pub path: &'static str,
    /// Arguments after `--database-url` and the variant's flags.
    pub args: Vec<String>,
    /// Extra environment.
    pub env: Vec<(String, String)>,
    /// Standard input.
    pub stdin: String,
    /// The database.
    pub db: Which,
    /// The expected exit code.
    pub code: i32,
    /// Re-create user `doomed` with the canary before each variant.
    pub reset_doomed: bool,
    /// May (and must) print the canary on stdout.
    pub sanctioned: bool,
}

impl Case {
    fn env(mut self, k: &str, v: &str) -> Case {
        self.env.push((k.to_owned(), v.to_owned()));
        self
    }
    fn stdin(mut self, s: &str) -> Case {
        self.stdin = s.to_owned();
        self
    }
    fn sealed(mut self) -> Case {
        self.db = Which::Sealed;
        self
    }
    fn reset(mut self) -> Case {
        self.reset_doomed = true;
        self
    }
    fn sanctioned(mut self) -> Case {
        self.sanctioned = true;
        self
    }
    fn local(self) -> Case {
        self.env("DEPLOY_ENV", "local")
    }
    fn key(self, k: &str) -> Case {
        self.env("ONBOARDCTL_MASTER_KEY", k)
    }
}

/// The two databases; the plain one's directory is every command's working directory.
pub struct Fixture {
    /// Keys in plaintext: `victim` (gemini = canary, exa, copilotkit) and `doomed`.
    pub plain: TestDb,
    /// `victim` with the canary sealed under [`MASTER_A`].
    pub sealed: TestDb,
}

impl Fixture {
    /// Both databases and the files the table reads.
    pub fn new() -> Fixture {
        let plain = test_db();
        plain.users(&["victim"]);
        for (provider, value) in [
            ("gemini", CANARY),
            ("exa", FAKE_EXA),
            ("copilotkit", FAKE_COPILOTKIT),
        ] {
            plain.ok_stdin(&["key", "set", "victim", provider, "--stdin"], value);
        }
        let sealed = test_db();
        sealed.users(&["victim"]);
        let out = sealed
            .cmd()
            .env("ONBOARDCTL_MASTER_KEY", MASTER_A)
            .args(["key", "set", "victim", "gemini", "--stdin"])
            .write_stdin(CANARY)
            .output()
            .unwrap();
        assert_success(&out, &["sealed key set"]);
        let fx = Fixture { plain, sealed };
        fx.reset_doomed();
        fx.write_files();
        fx
    }

    /// The working directory of every case.
    pub fn dir(&self) -> PathBuf {
        self.plain.path()
    }

    /// The database `which` names.
    pub fn db(&self, which: Which) -> &TestDb {
        match which {
            Which::Plain => &self.plain,
            Which::Sealed => &self.sealed,
        }
    }

    /// User `doomed` with the canary as its gemini key.
    pub fn reset_doomed(&self) {
        self.plain.users(&["doomed"]);
        self.plain
            .ok_stdin(&["key", "set", "doomed", "gemini", "--stdin"], CANARY);
    }

    fn write_files(&self) {
        let dir = self.dir();
        let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
        write(
            ".env",
            &format!("GEMINI_API_KEY={CANARY}\nEXA_API_KEY=stale-value-0000\n"),
        );
        write("local.env", "# local mode\n");
        std::os::unix::fs::symlink(dir.join("local.env"), dir.join("link.env")).unwrap();
        write("key.txt", &format!("{CANARY}\n"));
        write("analysis.json", r#"{"website_url": "https://example.com"}"#);
        write("persona.json", PERSONA);
        let secrets = self.plain.ok(&["export", "--include-secrets"]);
        assert!(secrets.contains(CANARY), "the export carries the canary");
        write("secrets.ndjson", &secrets);
        write(
            "bad.ndjson",
            &format!(
                "{{\"user_id\": \"imported\", \"bogus\": \"{CANARY}\"}}\n\
                 {{\"user_id\": \"imported2\", \"keys\": [{{\"provider\": \"gemini\", \"value\": \"{CANARY}\", \"fingerprint\": \"00000000\"}}]}}\n"
            ),
        );
        let legacy = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/legacy/full.json"),
        )
        .unwrap()
        .replace("AIzaFAKE_LEGACY_TEST_000000000000000000", CANARY);
        for (sub, text) in [
            ("legacy", &legacy[..]),
            (
                "legacy_bad",
                &legacy[..legacy.find(CANARY).unwrap() + CANARY.len() + 3],
            ),
        ] {
            std::fs::create_dir_all(dir.join(sub)).unwrap();
            std::fs::write(
                dir.join(sub)
                    .join(format!(".onboarding_progress_{sub}.json")),
                text,
            )
            .unwrap();
        }
    }
}

/// Every command path the table covers.
pub fn commands() -> Vec<&'static str> {
    let mut paths: Vec<&str> = table(Path::new("/nonexistent"))
        .iter()
        .map(|c| c.path)
        .collect();
    paths.dedup();
    paths
}

/// The cases, in the order they run; `{dir}` in arguments is the working directory.
pub fn table(dir: &Path) -> Vec<Case> {
    let dir = dir.display().to_string();
    let c = |path: &'static str, code: i32, args: &str| Case {
        path,
        args: args
            .split_whitespace()
            .map(|a| a.replace("{dir}", &dir))
            .collect(),
        env: Vec::new(),
        stdin: String::new(),
        db: Which::Plain,
        code,
        reset_doomed: false,
        sanctioned: false,
    };
    let mut t = vec![
        c("session create", 0, "session create fresh_user"),
        c("session create", 2, "session create"),
        c("session show", 0, "session show victim"),
        c("session show", 3, "session show ghost"),
        c("session list", 0, "session list"),
        c("session list", 2, "session list --limit many"),
        c("session reset", 0, "session reset victim"),
        c("session reset", 3, "session reset ghost"),
        c("session reset", 2, "session reset doomed --purge"),
        c("session delete", 0, "session delete doomed --yes").reset(),
        c("session delete", 2, "session delete doomed").reset(),
        c("key set", 0, "key set victim gemini --stdin").stdin(CANARY),
        c("key set", 0, "key set victim gemini --from-env KEY_SRC").env("KEY_SRC", CANARY),
        c(
            "key set",
            0,
            "key set victim gemini --from-file {dir}/key.txt",
        ),
        c(
            "key set",
            0,
            "--env-file {dir}/local.env key set victim gemini --stdin",
        )
        .local()
        .stdin(CANARY),
        c("key set", 0, "key set victim gemini --stdin")
            .sealed()
            .key(MASTER_A)
            .stdin(CANARY),
        c("key set", 3, "key set ghost gemini --stdin").stdin(CANARY),
        c("key set", 4, "key set victim acme --stdin").stdin(CANARY),
        c("key set", 4, "key set victim exa --stdin").stdin(CANARY),
        c(
            "key set",
            4,
            "key set victim gemini --from-env KEY_SRC_UNSET",
        ),
        c(
            "key set",
            2,
            "key set victim gemini --stdin --from-file {dir}/key.txt",
        )
        .stdin(CANARY),
        c(
            "key set",
            4,
            "--env-file {dir}/link.env key set victim gemini --stdin",
        )
        .local()
        .stdin(CANARY),
        c(
            "key set",
            4,
            "--env-file {dir}/hook.env key set victim gemini --stdin",
        )
        .local()
        .env("ONBOARDCTL_ENVFILE_FAIL_BEFORE_RENAME", "1")
        .stdin(CANARY),
        c("key set", 4, "key set victim gemini --stdin")
            .key(CANARY)
            .stdin(CANARY),
    ];
    t.extend(key_reads(&c));
    t.extend([
        c("key delete", 0, "key delete doomed gemini").reset(),
        c(
            "key delete",
            4,
            "--env-file {dir}/link.env key delete doomed gemini",
        )
        .reset()
        .local(),
        c("key delete", 3, "key delete ghost gemini"),
        c("key providers", 0, "key providers"),
        c("key providers", 2, "key providers").env("ONBOARDCTL_REQUIRED_PROVIDERS", "a b"),
        c("key reseal", 0, "key reseal --old-master-key-env OLDK")
            .sealed()
            .key(MASTER_A)
            .env("OLDK", MASTER_A),
        c("key reseal", 4, "key reseal").sealed(),
        c("key reseal", 4, "key reseal").sealed().key(MASTER_B),
        c("key reseal", 4, "key reseal --old-master-key-env OLDK")
            .sealed()
            .key(MASTER_B)
            .env("OLDK", CANARY),
    ]);
    t.extend(data_commands(&c));
    t.extend(transfer_and_env(&c));
    t
}

type Make<'a> = dyn Fn(&'static str, i32, &str) -> Case + 'a;

fn key_reads(c: &Make<'_>) -> Vec<Case> {
    vec![
        c("key get", 0, "key get victim gemini"),
        c("key get", 0, "key get victim gemini --reveal").sanctioned(),
        c("key get", 0, "key get victim gemini")
            .sealed()
            .key(MASTER_A),
        c("key get", 0, "key get victim gemini --reveal")
            .sealed()
            .key(MASTER_A)
            .sanctioned(),
        c("key get", 4, "key get victim gemini --reveal").sealed(),
        c("key get", 4, "key get victim gemini --reveal")
            .sealed()
            .key(MASTER_B),
        c("key get", 3, "key get victim openai --reveal"),
        c("key get", 3, "key get ghost gemini --reveal"),
        c("key list", 0, "key list victim"),
        c("key list", 0, "key list victim").sealed().key(MASTER_A),
        c("key list", 0, "key list victim").sealed(),
        c("key list", 4, "key list victim").sealed().key(MASTER_B),
        c("key list", 3, "key list ghost"),
    ]
}

fn data_commands(c: &Make<'_>) -> Vec<Case> {
    vec![
        c("progress show", 0, "progress show victim"),
        c("progress show", 3, "progress show ghost"),
        c("progress step", 0, "progress step victim 1 completed"),
        c("progress step", 2, "progress step victim 9 completed"),
        c("progress step", 4, "progress step doomed 1 completed").reset(),
        c("progress set-step", 0, "progress set-step victim 2"),
        c("progress set-step", 3, "progress set-step ghost 2"),
        c("progress set", 0, "progress set victim 50"),
        c("progress set", 3, "progress set ghost 50"),
        c(
            "analysis set",
            0,
            "analysis set victim --file {dir}/analysis.json",
        ),
        c(
            "analysis set",
            4,
            "analysis set victim --file {dir}/key.txt",
        ),
        c("analysis show", 0, "analysis show victim"),
        c("analysis show", 3, "analysis show ghost"),
        c("research set", 0, "research set victim --depth Basic"),
        c(
            "research set",
            4,
            "research set victim --file {dir}/key.txt",
        ),
        c("research show", 0, "research show victim"),
        c("research show", 3, "research show ghost"),
        c(
            "persona set",
            0,
            "persona set victim --file {dir}/persona.json",
        ),
        c("persona set", 4, "persona set victim --file {dir}/key.txt"),
        c("persona show", 0, "persona show victim"),
        c("persona show", 3, "persona show ghost"),
        c("ai-inputs", 0, "ai-inputs victim"),
        c("ai-inputs", 3, "ai-inputs ghost"),
        c("complete", 4, "complete victim"),
        c(
            "complete",
            0,
            "complete victim --force --reason canary-test",
        ),
        c("complete", 3, "complete ghost"),
    ]
}

fn transfer_and_env(c: &Make<'_>) -> Vec<Case> {
    vec![
        c("export", 0, "export"),
        c("export", 0, "export --user victim --include-secrets").sanctioned(),
        c("export", 0, "export --include-secrets").sealed(),
        c("export", 3, "export --user ghost"),
        c("import", 0, "import --dry-run {dir}/secrets.ndjson"),
        c("import", 0, "import {dir}/secrets.ndjson"),
        c("import", 4, "import -").stdin(&format!("{{\"user_id\": \"x\", \"k\": \"{CANARY}\"")),
        c("import", 4, "import {dir}/bad.ndjson"),
        c("import legacy-json", 0, "import legacy-json {dir}/legacy"),
        c(
            "import legacy-json",
            4,
            "import legacy-json {dir}/legacy_bad",
        ),
        c("db migrate", 0, "db migrate"),
        c("db migrate", 2, "db migrate --lock-timeout soon"),
        c("db status", 0, "db status --check"),
        c("db status", 2, "db status --check=maybe"),
        c("db repair", 0, "db repair --dry-run"),
        c("db repair", 2, "db repair --now"),
        c(
            "db copy",
            0,
            "db copy --merge --yes --to sqlite:{dir}/copy.db",
        ),
        c("db copy", 2, "db copy --to nonsense:/x"),
        c("env diff", 0, "env diff victim"),
        c("env diff", 0, "env diff victim").sealed().key(MASTER_A),
        c("env diff", 4, "env diff victim").sealed(),
        c("env diff", 3, "env diff ghost"),
        c("env sync", 6, "env sync victim --check"),
        c("env sync", 4, "--env-file {dir}/link.env env sync victim"),
        c("env sync", 0, "env sync victim"),
        c("env sync", 0, "env sync victim --check"),
        c("doctor", 6, "doctor").sealed(),
        c("doctor", 6, "doctor").sealed().env("DEPLOY_ENV", "local"),
        c("doctor", 6, "doctor")
            .sealed()
            .key(MASTER_A)
            .env("DEPLOY_ENV", "local"),
        c("doctor", 6, "doctor").env("DEPLOY_ENV", "local"),
        c("doctor", 2, "doctor extra"),
        c("report", 0, "report"),
        c("report", 0, "report --by month --since 2020-01-01").sealed(),
        c("report", 2, "report --since nope"),
        // Last: the trail of every change above, whole (keys only as fingerprints).
        c("audit log", 0, "audit log --limit 100000"),
        c("audit log", 0, "audit log --limit 100000").sealed(),
        c("audit log", 0, "audit log --user victim --actor nobody"),
        c("audit log", 2, "audit log --since nope"),
        c("run", 0, "run --user victim -- true"),
        c(
            "run",
            0,
            "run --user victim --provider gemini --frontend -- true",
        ),
        c("run", 0, "run --user victim -- true")
            .sealed()
            .key(MASTER_A),
        c("run", 4, "run --user victim -- true").sealed(),
        c("run", 1, "run --user victim -- false"),
        c("run", 3, "run --user ghost -- true"),
        c("run", 3, "run --user victim --provider openai -- true"),
        c("run", 3, "run --user victim -- onboardctl-no-such-command"),
        c("run", 2, "run --user victim true"),
        c("completions", 0, "completions bash"),
        c("completions", 2, "completions tcsh"),
        c("man", 0, "man"),
        c("man", 2, "man extra"),
    ]
}

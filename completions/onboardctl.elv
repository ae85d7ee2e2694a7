
use builtin;
use str;

set edit:completion:arg-completer[onboardctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'onboardctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'onboardctl'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand session 'Create, show, list, delete or reset onboarding sessions'
            cand key 'Set, show, list or delete a user''s provider API keys'
            cand progress 'Show or change a user''s onboarding steps and progress'
            cand analysis 'Set or show a user''s website analysis (step 2)'
            cand research 'Set or show a user''s research preferences (step 3)'
            cand persona 'Set or show a user''s persona data (step 4)'
            cand ai-inputs 'Print the personalized AI inputs derived from a user''s onboarding data'
            cand complete 'Complete a user''s onboarding (steps 1-4 completed, step 5 completed or skipped)'
            cand export 'Write users as NDJSON on stdout, one user per line with all their data'
            cand import 'Read users from NDJSON (as `export` writes it), or ALwrity''s legacy progress files'
            cand db 'Apply or inspect schema migrations, or copy every user to another database'
            cand report 'The onboarding funnel across all users: steps, completion, times, cohorts'
            cand doctor 'Check the database and local setup; say how to fix each finding'
            cand env 'Compare a user''s keys with the local .env file, or write them into it'
            cand audit 'Show the audit trail of changes (who changed what of whose, when and why)'
            cand run 'Run a command with a user''s keys in its environment (no file written, no key on argv); exits with the command''s exit code'
            cand completions 'Print a shell completion script to stdout'
            cand man 'Print the manual page (roff) to stdout'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;session'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand create 'Create a user''s session, or return the existing one (idempotent)'
            cand show 'Show a user''s session and its six steps'
            cand list 'List sessions, newest change first (see --sort); at most 100 unless --limit or --all'
            cand delete 'Delete a user''s session and, by cascade, all of their data (--dry-run lists it)'
            cand reset 'Put every step back to pending (step 1, progress 0); stored data is kept unless --purge'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;session;create'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;session;show'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;session;list'= {
            cand --status 'Keep sessions in these states (comma-separated)'
            cand --step 'Keep sessions whose current step is N (1-6)'
            cand --stalled-days 'Keep unfinished sessions not updated for at least D days'
            cand --user-like 'Keep users whose id contains this text (ASCII letters in any case; `%`, `_` and `\` are plain characters)'
            cand --sort 'Order by: updated (newest first, the default), started (newest first), progress (highest first), step (furthest first) or user (A to Z); ties by user id'
            cand --limit 'Show at most this many sessions (a note on stderr says when more match)'
            cand --offset 'Skip this many sessions first'
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --reverse 'Reverse the whole order'
            cand --all 'Show every matching session'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;session;delete'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --dry-run 'List what would be deleted, and what would stay, and change nothing'
            cand -y 'Do not ask for confirmation (required when stdin or stderr is not a terminal)'
            cand --yes 'Do not ask for confirmation (required when stdin or stderr is not a terminal)'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;session;reset'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --purge 'Also delete the user''s API keys, website analysis, research preferences and persona (asks first, or --yes)'
            cand -y 'Do not ask for confirmation (required when stdin or stderr is not a terminal)'
            cand --yes 'Do not ask for confirmation (required when stdin or stderr is not a terminal)'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;session;help'= {
            cand create 'Create a user''s session, or return the existing one (idempotent)'
            cand show 'Show a user''s session and its six steps'
            cand list 'List sessions, newest change first (see --sort); at most 100 unless --limit or --all'
            cand delete 'Delete a user''s session and, by cascade, all of their data (--dry-run lists it)'
            cand reset 'Put every step back to pending (step 1, progress 0); stored data is kept unless --purge'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;session;help;create'= {
        }
        &'onboardctl;session;help;show'= {
        }
        &'onboardctl;session;help;list'= {
        }
        &'onboardctl;session;help;delete'= {
        }
        &'onboardctl;session;help;reset'= {
        }
        &'onboardctl;session;help;help'= {
        }
        &'onboardctl;key'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand set 'Store a user''s key for a provider (read from a hidden prompt, --stdin, --from-env or --from-file; never from the command line)'
            cand get 'Show a user''s key for a provider, masked unless --reveal'
            cand list 'List a user''s keys, masked'
            cand delete 'Delete a user''s key for a provider'
            cand providers 'List the providers onboardctl knows: env var, whether required, format check'
            cand reseal 'Encrypt every plaintext key under $ONBOARDCTL_MASTER_KEY, or re-encrypt keys sealed under a previous master key (with --old-master-key-env)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;key;set'= {
            cand --from-env 'Read the key from this environment variable'
            cand --from-file 'Read the key from this file (one trailing newline is removed)'
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --stdin 'Read the key from stdin (one trailing newline is removed)'
            cand --no-validate 'Store the value even if it does not match the provider''s key format'
            cand --allow-unknown 'Accept a provider that is not in the registry'
            cand --seal-anyway 'With ONBOARDCTL_MASTER_KEY on a database ALwrity made, seal the key anyway (ALwrity reads api_keys.key verbatim and cannot use a sealed key)'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;key;get'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --reveal 'Print the raw value alone (with --json: {"provider":…,"value":…})'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;key;list'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;key;delete'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;key;providers'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;key;reseal'= {
            cand --old-master-key-env 'The environment variable holding the previous master key (base64), to re-encrypt keys sealed under it; the new key is $ONBOARDCTL_MASTER_KEY'
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --seal-anyway 'On a database ALwrity made, seal its keys anyway (ALwrity reads api_keys.key verbatim and cannot use sealed keys)'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;key;help'= {
            cand set 'Store a user''s key for a provider (read from a hidden prompt, --stdin, --from-env or --from-file; never from the command line)'
            cand get 'Show a user''s key for a provider, masked unless --reveal'
            cand list 'List a user''s keys, masked'
            cand delete 'Delete a user''s key for a provider'
            cand providers 'List the providers onboardctl knows: env var, whether required, format check'
            cand reseal 'Encrypt every plaintext key under $ONBOARDCTL_MASTER_KEY, or re-encrypt keys sealed under a previous master key (with --old-master-key-env)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;key;help;set'= {
        }
        &'onboardctl;key;help;get'= {
        }
        &'onboardctl;key;help;list'= {
        }
        &'onboardctl;key;help;delete'= {
        }
        &'onboardctl;key;help;providers'= {
        }
        &'onboardctl;key;help;reseal'= {
        }
        &'onboardctl;key;help;help'= {
        }
        &'onboardctl;progress'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand show 'Show the progress summary and the six steps'
            cand step 'Set one step''s status; completing a step checks its requirements unless --force'
            cand set-step 'Override the current step (until the next step change)'
            cand set 'Override the progress percentage, 0-100 (until the next step change)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;progress;show'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;progress;step'= {
            cand --data 'Step data: a JSON file, or `-` for stdin'
            cand --error 'For `failed`: the reason, recorded with the step'
            cand --reason 'Why the step is forced (required with --force; recorded with the step)'
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --force 'Complete the step without checking its requirements (recorded as forced, with --reason)'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;progress;set-step'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;progress;set'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;progress;help'= {
            cand show 'Show the progress summary and the six steps'
            cand step 'Set one step''s status; completing a step checks its requirements unless --force'
            cand set-step 'Override the current step (until the next step change)'
            cand set 'Override the progress percentage, 0-100 (until the next step change)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;progress;help;show'= {
        }
        &'onboardctl;progress;help;step'= {
        }
        &'onboardctl;progress;help;set-step'= {
        }
        &'onboardctl;progress;help;set'= {
        }
        &'onboardctl;progress;help;help'= {
        }
        &'onboardctl;analysis'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand set 'Store a user''s website analysis from JSON (--file FILE, or `-` for stdin)'
            cand show 'Show a user''s website analysis'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;analysis;set'= {
            cand -f 'Read the JSON document from this file (`-` reads stdin)'
            cand --file 'Read the JSON document from this file (`-` reads stdin)'
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;analysis;show'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;analysis;help'= {
            cand set 'Store a user''s website analysis from JSON (--file FILE, or `-` for stdin)'
            cand show 'Show a user''s website analysis'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;analysis;help;set'= {
        }
        &'onboardctl;analysis;help;show'= {
        }
        &'onboardctl;analysis;help;help'= {
        }
        &'onboardctl;research'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand set 'Store a user''s research preferences; flags override fields of the JSON document'
            cand show 'Show a user''s research preferences'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;research;set'= {
            cand --depth 'Research depth, e.g. Basic, Standard, Comprehensive, Expert'
            cand --content-types 'Content types to research (comma-separated)'
            cand --auto-research 'Research automatically: true or false'
            cand --factual-content 'Prefer factual content: true or false'
            cand -f 'Read the JSON document from this file (`-` reads stdin)'
            cand --file 'Read the JSON document from this file (`-` reads stdin)'
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;research;show'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;research;help'= {
            cand set 'Store a user''s research preferences; flags override fields of the JSON document'
            cand show 'Show a user''s research preferences'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;research;help;set'= {
        }
        &'onboardctl;research;help;show'= {
        }
        &'onboardctl;research;help;help'= {
        }
        &'onboardctl;persona'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand set 'Store a user''s persona data from JSON (--file FILE, or `-` for stdin)'
            cand show 'Show a user''s persona data'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;persona;set'= {
            cand -f 'Read the JSON document from this file (`-` reads stdin)'
            cand --file 'Read the JSON document from this file (`-` reads stdin)'
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;persona;show'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;persona;help'= {
            cand set 'Store a user''s persona data from JSON (--file FILE, or `-` for stdin)'
            cand show 'Show a user''s persona data'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;persona;help;set'= {
        }
        &'onboardctl;persona;help;show'= {
        }
        &'onboardctl;persona;help;help'= {
        }
        &'onboardctl;ai-inputs'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;complete'= {
            cand --reason 'Why the completion is forced (required with --force; recorded with step 6; a second forced completion replaces it)'
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --force 'Complete even if steps 1-5 are unfinished (recorded as forced, with --reason)'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;export'= {
            cand --user 'Export only this user (repeat for more); by default every user, ordered by id'
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --include-secrets 'Write key values in full; by default a key is {provider, masked, fingerprint} and an import keeps the key already stored'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;import'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --dry-run 'Read and check every line and report what would change; write nothing'
            cand --no-validate 'Store key values without checking their provider''s format (as `key set --no-validate`; a line can also say `"validate": false`)'
            cand --allow-unknown 'Accept keys of providers the registry does not know (as `key set --allow-unknown`)'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand legacy-json 'Import ALwrity''s legacy .onboarding_progress*.json files (files or directories)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;import;legacy-json'= {
            cand --user 'The owner of the global .onboarding_progress.json (required for it)'
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --dry-run 'Read, map and check every file and report what would change; write nothing'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;import;help'= {
            cand legacy-json 'Import ALwrity''s legacy .onboarding_progress*.json files (files or directories)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;import;help;legacy-json'= {
        }
        &'onboardctl;import;help;help'= {
        }
        &'onboardctl;db'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand migrate 'Apply pending schema migrations (on a database ALwrity made: attach, adding only onboardctl''s own tables and indexes)'
            cand status 'Show the backend, location, schema version, pending migrations and, on a database ALwrity made, its era and duplicate sessions'
            cand repair 'Merge duplicate session rows of a database ALwrity made (keeping the row ALwrity reads), moving the others to onboardctl_quarantine'
            cand copy 'Copy every user to another database (SQLite <-> PostgreSQL)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;db;migrate'= {
            cand --lock-timeout 'Seconds to wait for another `db migrate` to finish (PostgreSQL migration lock)'
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --dry-run 'List the pending migrations and apply nothing'
            cand --wal 'On an ALwrity SQLite file, also switch its journal to WAL (persistent; never done otherwise)'
            cand -y 'Do not ask for confirmation (required when stdin or stderr is not a terminal)'
            cand --yes 'Do not ask for confirmation (required when stdin or stderr is not a terminal)'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;db;status'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --check 'Exit with code 6 when migrations are pending'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;db;repair'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --dry-run 'Print what would be merged and moved; change nothing'
            cand -y 'Do not ask for confirmation (required when stdin or stderr is not a terminal)'
            cand --yes 'Do not ask for confirmation (required when stdin or stderr is not a terminal)'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;db;copy'= {
            cand --to 'The target database URL (same forms as --database-url)'
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --merge 'Copy into a target that already holds users: users in both are replaced by this database''s data, users only the target has are kept (asks first, or --yes)'
            cand -y 'Do not ask for confirmation (required when stdin or stderr is not a terminal)'
            cand --yes 'Do not ask for confirmation (required when stdin or stderr is not a terminal)'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;db;help'= {
            cand migrate 'Apply pending schema migrations (on a database ALwrity made: attach, adding only onboardctl''s own tables and indexes)'
            cand status 'Show the backend, location, schema version, pending migrations and, on a database ALwrity made, its era and duplicate sessions'
            cand repair 'Merge duplicate session rows of a database ALwrity made (keeping the row ALwrity reads), moving the others to onboardctl_quarantine'
            cand copy 'Copy every user to another database (SQLite <-> PostgreSQL)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;db;help;migrate'= {
        }
        &'onboardctl;db;help;status'= {
        }
        &'onboardctl;db;help;repair'= {
        }
        &'onboardctl;db;help;copy'= {
        }
        &'onboardctl;db;help;help'= {
        }
        &'onboardctl;report'= {
            cand --since 'Only users who started at or after this date or time (`2026-01-05`, midnight UTC, or RFC 3339)'
            cand --until 'Only users who started before this date or time'
            cand --stalled-days 'A user is stuck at their current step after D days without a change'
            cand --by 'Group cohorts by the week (Monday first) or month users started'
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;doctor'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;env'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand diff 'Show, masked, which of a user''s keys are missing from, differ in or match the .env file (and CopilotKit''s in $ONBOARDCTL_FRONTEND_ENV_FILE); changes nothing'
            cand sync 'Write a user''s keys into the .env file (and CopilotKit''s into $ONBOARDCTL_FRONTEND_ENV_FILE); with --check, change nothing and exit 6 on drift'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;env;diff'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;env;sync'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --check 'Change nothing; exit 6 when any key is missing from or differs in the file'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;env;help'= {
            cand diff 'Show, masked, which of a user''s keys are missing from, differ in or match the .env file (and CopilotKit''s in $ONBOARDCTL_FRONTEND_ENV_FILE); changes nothing'
            cand sync 'Write a user''s keys into the .env file (and CopilotKit''s into $ONBOARDCTL_FRONTEND_ENV_FILE); with --check, change nothing and exit 6 on drift'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;env;help;diff'= {
        }
        &'onboardctl;env;help;sync'= {
        }
        &'onboardctl;env;help;help'= {
        }
        &'onboardctl;audit'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand log 'Show the audit trail, newest first (on a workspace, across every user''s file)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;audit;log'= {
            cand --user 'Only rows of this user'
            cand --since 'Only rows at or after this time: RFC 3339 (`2025-06-01T12:00:00Z`), a date (`2025-06-01`, UTC midnight), or an age (`30m`, `12h`, `7d`)'
            cand --limit 'At most this many rows'
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;audit;help'= {
            cand log 'Show the audit trail, newest first (on a workspace, across every user''s file)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;audit;help;log'= {
        }
        &'onboardctl;audit;help;help'= {
        }
        &'onboardctl;run'= {
            cand --user 'Whose keys'
            cand --provider 'Only this provider''s key (repeat, or separate with commas); a provider without a key is exit 3. Without it: every key the user has'
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --frontend 'Also set REACT_APP_COPILOTKIT_API_KEY (ALwrity''s frontend) to the CopilotKit key'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;completions'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;man'= {
            cand --database-url 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)'
            cand --env-file 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`'
            cand --alwrity-era 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)'
            cand --busy-timeout 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5'
            cand --json 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument'
            cand --jq 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line'
            cand --format 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)'
            cand --color 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never'
            cand --actor 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows'
            cand --no-dotenv 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
            cand --wide 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)'
            cand -v 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand --verbose 'Print diagnostics on stderr (repeat for more); never prints a secret'
            cand -q 'Print no notes on stderr (data and errors are still printed)'
            cand --quiet 'Print no notes on stderr (data and errors are still printed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'onboardctl;help'= {
            cand session 'Create, show, list, delete or reset onboarding sessions'
            cand key 'Set, show, list or delete a user''s provider API keys'
            cand progress 'Show or change a user''s onboarding steps and progress'
            cand analysis 'Set or show a user''s website analysis (step 2)'
            cand research 'Set or show a user''s research preferences (step 3)'
            cand persona 'Set or show a user''s persona data (step 4)'
            cand ai-inputs 'Print the personalized AI inputs derived from a user''s onboarding data'
            cand complete 'Complete a user''s onboarding (steps 1-4 completed, step 5 completed or skipped)'
            cand export 'Write users as NDJSON on stdout, one user per line with all their data'
            cand import 'Read users from NDJSON (as `export` writes it), or ALwrity''s legacy progress files'
            cand db 'Apply or inspect schema migrations, or copy every user to another database'
            cand report 'The onboarding funnel across all users: steps, completion, times, cohorts'
            cand doctor 'Check the database and local setup; say how to fix each finding'
            cand env 'Compare a user''s keys with the local .env file, or write them into it'
            cand audit 'Show the audit trail of changes (who changed what of whose, when and why)'
            cand run 'Run a command with a user''s keys in its environment (no file written, no key on argv); exits with the command''s exit code'
            cand completions 'Print a shell completion script to stdout'
            cand man 'Print the manual page (roff) to stdout'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'onboardctl;help;session'= {
            cand create 'Create a user''s session, or return the existing one (idempotent)'
            cand show 'Show a user''s session and its six steps'
            cand list 'List sessions, newest change first (see --sort); at most 100 unless --limit or --all'
            cand delete 'Delete a user''s session and, by cascade, all of their data (--dry-run lists it)'
            cand reset 'Put every step back to pending (step 1, progress 0); stored data is kept unless --purge'
        }
        &'onboardctl;help;session;create'= {
        }
        &'onboardctl;help;session;show'= {
        }
        &'onboardctl;help;session;list'= {
        }
        &'onboardctl;help;session;delete'= {
        }
        &'onboardctl;help;session;reset'= {
        }
        &'onboardctl;help;key'= {
            cand set 'Store a user''s key for a provider (read from a hidden prompt, --stdin, --from-env or --from-file; never from the command line)'
            cand get 'Show a user''s key for a provider, masked unless --reveal'
            cand list 'List a user''s keys, masked'
            cand delete 'Delete a user''s key for a provider'
            cand providers 'List the providers onboardctl knows: env var, whether required, format check'
            cand reseal 'Encrypt every plaintext key under $ONBOARDCTL_MASTER_KEY, or re-encrypt keys sealed under a previous master key (with --old-master-key-env)'
        }
        &'onboardctl;help;key;set'= {
        }
        &'onboardctl;help;key;get'= {
        }
        &'onboardctl;help;key;list'= {
        }
        &'onboardctl;help;key;delete'= {
        }
        &'onboardctl;help;key;providers'= {
        }
        &'onboardctl;help;key;reseal'= {
        }
        &'onboardctl;help;progress'= {
            cand show 'Show the progress summary and the six steps'
            cand step 'Set one step''s status; completing a step checks its requirements unless --force'
            cand set-step 'Override the current step (until the next step change)'
            cand set 'Override the progress percentage, 0-100 (until the next step change)'
        }
        &'onboardctl;help;progress;show'= {
        }
        &'onboardctl;help;progress;step'= {
        }
        &'onboardctl;help;progress;set-step'= {
        }
        &'onboardctl;help;progress;set'= {
        }
        &'onboardctl;help;analysis'= {
            cand set 'Store a user''s website analysis from JSON (--file FILE, or `-` for stdin)'
            cand show 'Show a user''s website analysis'
        }
        &'onboardctl;help;analysis;set'= {
        }
        &'onboardctl;help;analysis;show'= {
        }
        &'onboardctl;help;research'= {
            cand set 'Store a user''s research preferences; flags override fields of the JSON document'
            cand show 'Show a user''s research preferences'
        }
        &'onboardctl;help;research;set'= {
        }
        &'onboardctl;help;research;show'= {
        }
        &'onboardctl;help;persona'= {
            cand set 'Store a user''s persona data from JSON (--file FILE, or `-` for stdin)'
            cand show 'Show a user''s persona data'
        }
        &'onboardctl;help;persona;set'= {
        }
        &'onboardctl;help;persona;show'= {
        }
        &'onboardctl;help;ai-inputs'= {
        }
        &'onboardctl;help;complete'= {
        }
        &'onboardctl;help;export'= {
        }
        &'onboardctl;help;import'= {
            cand legacy-json 'Import ALwrity''s legacy .onboarding_progress*.json files (files or directories)'
        }
        &'onboardctl;help;import;legacy-json'= {
        }
        &'onboardctl;help;db'= {
            cand migrate 'Apply pending schema migrations (on a database ALwrity made: attach, adding only onboardctl''s own tables and indexes)'
            cand status 'Show the backend, location, schema version, pending migrations and, on a database ALwrity made, its era and duplicate sessions'
            cand repair 'Merge duplicate session rows of a database ALwrity made (keeping the row ALwrity reads), moving the others to onboardctl_quarantine'
            cand copy 'Copy every user to another database (SQLite <-> PostgreSQL)'
        }
        &'onboardctl;help;db;migrate'= {
        }
        &'onboardctl;help;db;status'= {
        }
        &'onboardctl;help;db;repair'= {
        }
        &'onboardctl;help;db;copy'= {
        }
        &'onboardctl;help;report'= {
        }
        &'onboardctl;help;doctor'= {
        }
        &'onboardctl;help;env'= {
            cand diff 'Show, masked, which of a user''s keys are missing from, differ in or match the .env file (and CopilotKit''s in $ONBOARDCTL_FRONTEND_ENV_FILE); changes nothing'
            cand sync 'Write a user''s keys into the .env file (and CopilotKit''s into $ONBOARDCTL_FRONTEND_ENV_FILE); with --check, change nothing and exit 6 on drift'
        }
        &'onboardctl;help;env;diff'= {
        }
        &'onboardctl;help;env;sync'= {
        }
        &'onboardctl;help;audit'= {
            cand log 'Show the audit trail, newest first (on a workspace, across every user''s file)'
        }
        &'onboardctl;help;audit;log'= {
        }
        &'onboardctl;help;run'= {
        }
        &'onboardctl;help;completions'= {
        }
        &'onboardctl;help;man'= {
        }
        &'onboardctl;help;help'= {
        }
    ]
    $completions[$command]
}


using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'onboardctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'onboardctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'onboardctl' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'Create, show, list, delete or reset onboarding sessions')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Set, show, list or delete a user''s provider API keys')
            [CompletionResult]::new('progress', 'progress', [CompletionResultType]::ParameterValue, 'Show or change a user''s onboarding steps and progress')
            [CompletionResult]::new('analysis', 'analysis', [CompletionResultType]::ParameterValue, 'Set or show a user''s website analysis (step 2)')
            [CompletionResult]::new('research', 'research', [CompletionResultType]::ParameterValue, 'Set or show a user''s research preferences (step 3)')
            [CompletionResult]::new('persona', 'persona', [CompletionResultType]::ParameterValue, 'Set or show a user''s persona data (step 4)')
            [CompletionResult]::new('ai-inputs', 'ai-inputs', [CompletionResultType]::ParameterValue, 'Print the personalized AI inputs derived from a user''s onboarding data')
            [CompletionResult]::new('complete', 'complete', [CompletionResultType]::ParameterValue, 'Complete a user''s onboarding (steps 1-4 completed, step 5 completed or skipped)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write users as NDJSON on stdout, one user per line with all their data')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Read users from NDJSON (as `export` writes it), or ALwrity''s legacy progress files')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Apply or inspect schema migrations, or copy every user to another database')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'The onboarding funnel across all users: steps, completion, times, cohorts')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the database and local setup; say how to fix each finding')
            [CompletionResult]::new('env', 'env', [CompletionResultType]::ParameterValue, 'Compare a user''s keys with the local .env file, or write them into it')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Show the audit trail of changes (who changed what of whose, when and why)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a command with a user''s keys in its environment (no file written, no key on argv); exits with the command''s exit code')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page (roff) to stdout')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;session' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a user''s session, or return the existing one (idempotent)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a user''s session and its six steps')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List sessions, newest change first (see --sort); at most 100 unless --limit or --all')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user''s session and, by cascade, all of their data (--dry-run lists it)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Put every step back to pending (step 1, progress 0); stored data is kept unless --purge')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;session;create' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;session;show' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;session;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Keep sessions in these states (comma-separated)')
            [CompletionResult]::new('--step', '--step', [CompletionResultType]::ParameterName, 'Keep sessions whose current step is N (1-6)')
            [CompletionResult]::new('--stalled-days', '--stalled-days', [CompletionResultType]::ParameterName, 'Keep unfinished sessions not updated for at least D days')
            [CompletionResult]::new('--user-like', '--user-like', [CompletionResultType]::ParameterName, 'Keep users whose id contains this text (ASCII letters in any case; `%`, `_` and `\` are plain characters)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order by: updated (newest first, the default), started (newest first), progress (highest first), step (furthest first) or user (A to Z); ties by user id')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most this many sessions (a note on stderr says when more match)')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Skip this many sessions first')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--reverse', '--reverse', [CompletionResultType]::ParameterName, 'Reverse the whole order')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show every matching session')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;session;delete' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be deleted, and what would stay, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;session;reset' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--purge', '--purge', [CompletionResultType]::ParameterName, 'Also delete the user''s API keys, website analysis, research preferences and persona (asks first, or --yes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;session;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a user''s session, or return the existing one (idempotent)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a user''s session and its six steps')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List sessions, newest change first (see --sort); at most 100 unless --limit or --all')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user''s session and, by cascade, all of their data (--dry-run lists it)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Put every step back to pending (step 1, progress 0); stored data is kept unless --purge')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;session;help;create' {
            break
        }
        'onboardctl;session;help;show' {
            break
        }
        'onboardctl;session;help;list' {
            break
        }
        'onboardctl;session;help;delete' {
            break
        }
        'onboardctl;session;help;reset' {
            break
        }
        'onboardctl;session;help;help' {
            break
        }
        'onboardctl;key' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store a user''s key for a provider (read from a hidden prompt, --stdin, --from-env or --from-file; never from the command line)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a user''s key for a provider, masked unless --reveal')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a user''s keys, masked')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user''s key for a provider')
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'List the providers onboardctl knows: env var, whether required, format check')
            [CompletionResult]::new('reseal', 'reseal', [CompletionResultType]::ParameterValue, 'Encrypt every plaintext key under $ONBOARDCTL_MASTER_KEY, or re-encrypt keys sealed under a previous master key (with --old-master-key-env)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;key;set' {
            [CompletionResult]::new('--from-env', '--from-env', [CompletionResultType]::ParameterName, 'Read the key from this environment variable')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Read the key from this file (one trailing newline is removed)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--stdin', '--stdin', [CompletionResultType]::ParameterName, 'Read the key from stdin (one trailing newline is removed)')
            [CompletionResult]::new('--no-validate', '--no-validate', [CompletionResultType]::ParameterName, 'Store the value even if it does not match the provider''s key format')
            [CompletionResult]::new('--allow-unknown', '--allow-unknown', [CompletionResultType]::ParameterName, 'Accept a provider that is not in the registry')
            [CompletionResult]::new('--seal-anyway', '--seal-anyway', [CompletionResultType]::ParameterName, 'With ONBOARDCTL_MASTER_KEY on a database ALwrity made, seal the key anyway (ALwrity reads api_keys.key verbatim and cannot use a sealed key)')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;key;get' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Print the raw value alone (with --json: {"provider":…,"value":…})')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;key;list' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;key;delete' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;key;providers' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;key;reseal' {
            [CompletionResult]::new('--old-master-key-env', '--old-master-key-env', [CompletionResultType]::ParameterName, 'The environment variable holding the previous master key (base64), to re-encrypt keys sealed under it; the new key is $ONBOARDCTL_MASTER_KEY')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--seal-anyway', '--seal-anyway', [CompletionResultType]::ParameterName, 'On a database ALwrity made, seal its keys anyway (ALwrity reads api_keys.key verbatim and cannot use sealed keys)')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;key;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store a user''s key for a provider (read from a hidden prompt, --stdin, --from-env or --from-file; never from the command line)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a user''s key for a provider, masked unless --reveal')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a user''s keys, masked')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user''s key for a provider')
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'List the providers onboardctl knows: env var, whether required, format check')
            [CompletionResult]::new('reseal', 'reseal', [CompletionResultType]::ParameterValue, 'Encrypt every plaintext key under $ONBOARDCTL_MASTER_KEY, or re-encrypt keys sealed under a previous master key (with --old-master-key-env)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;key;help;set' {
            break
        }
        'onboardctl;key;help;get' {
            break
        }
        'onboardctl;key;help;list' {
            break
        }
        'onboardctl;key;help;delete' {
            break
        }
        'onboardctl;key;help;providers' {
            break
        }
        'onboardctl;key;help;reseal' {
            break
        }
        'onboardctl;key;help;help' {
            break
        }
        'onboardctl;progress' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the progress summary and the six steps')
            [CompletionResult]::new('step', 'step', [CompletionResultType]::ParameterValue, 'Set one step''s status; completing a step checks its requirements unless --force')
            [CompletionResult]::new('set-step', 'set-step', [CompletionResultType]::ParameterValue, 'Override the current step (until the next step change)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Override the progress percentage, 0-100 (until the next step change)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;progress;show' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;progress;step' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Step data: a JSON file, or `-` for stdin')
            [CompletionResult]::new('--error', '--error', [CompletionResultType]::ParameterName, 'For `failed`: the reason, recorded with the step')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the step is forced (required with --force; recorded with the step)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Complete the step without checking its requirements (recorded as forced, with --reason)')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;progress;set-step' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;progress;set' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;progress;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the progress summary and the six steps')
            [CompletionResult]::new('step', 'step', [CompletionResultType]::ParameterValue, 'Set one step''s status; completing a step checks its requirements unless --force')
            [CompletionResult]::new('set-step', 'set-step', [CompletionResultType]::ParameterValue, 'Override the current step (until the next step change)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Override the progress percentage, 0-100 (until the next step change)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;progress;help;show' {
            break
        }
        'onboardctl;progress;help;step' {
            break
        }
        'onboardctl;progress;help;set-step' {
            break
        }
        'onboardctl;progress;help;set' {
            break
        }
        'onboardctl;progress;help;help' {
            break
        }
        'onboardctl;analysis' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store a user''s website analysis from JSON (--file FILE, or `-` for stdin)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a user''s website analysis')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;analysis;set' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read the JSON document from this file (`-` reads stdin)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read the JSON document from this file (`-` reads stdin)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;analysis;show' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;analysis;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store a user''s website analysis from JSON (--file FILE, or `-` for stdin)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a user''s website analysis')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;analysis;help;set' {
            break
        }
        'onboardctl;analysis;help;show' {
            break
        }
        'onboardctl;analysis;help;help' {
            break
        }
        'onboardctl;research' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store a user''s research preferences; flags override fields of the JSON document')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a user''s research preferences')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;research;set' {
            [CompletionResult]::new('--depth', '--depth', [CompletionResultType]::ParameterName, 'Research depth, e.g. Basic, Standard, Comprehensive, Expert')
            [CompletionResult]::new('--content-types', '--content-types', [CompletionResultType]::ParameterName, 'Content types to research (comma-separated)')
            [CompletionResult]::new('--auto-research', '--auto-research', [CompletionResultType]::ParameterName, 'Research automatically: true or false')
            [CompletionResult]::new('--factual-content', '--factual-content', [CompletionResultType]::ParameterName, 'Prefer factual content: true or false')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read the JSON document from this file (`-` reads stdin)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read the JSON document from this file (`-` reads stdin)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;research;show' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;research;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store a user''s research preferences; flags override fields of the JSON document')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a user''s research preferences')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;research;help;set' {
            break
        }
        'onboardctl;research;help;show' {
            break
        }
        'onboardctl;research;help;help' {
            break
        }
        'onboardctl;persona' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store a user''s persona data from JSON (--file FILE, or `-` for stdin)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a user''s persona data')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;persona;set' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read the JSON document from this file (`-` reads stdin)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read the JSON document from this file (`-` reads stdin)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;persona;show' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;persona;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store a user''s persona data from JSON (--file FILE, or `-` for stdin)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a user''s persona data')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;persona;help;set' {
            break
        }
        'onboardctl;persona;help;show' {
            break
        }
        'onboardctl;persona;help;help' {
            break
        }
        'onboardctl;ai-inputs' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;complete' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the completion is forced (required with --force; recorded with step 6; a second forced completion replaces it)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Complete even if steps 1-5 are unfinished (recorded as forced, with --reason)')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;export' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Export only this user (repeat for more); by default every user, ordered by id')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--include-secrets', '--include-secrets', [CompletionResultType]::ParameterName, 'Write key values in full; by default a key is {provider, masked, fingerprint} and an import keeps the key already stored')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;import' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Read and check every line and report what would change; write nothing')
            [CompletionResult]::new('--no-validate', '--no-validate', [CompletionResultType]::ParameterName, 'Store key values without checking their provider''s format (as `key set --no-validate`; a line can also say `"validate": false`)')
            [CompletionResult]::new('--allow-unknown', '--allow-unknown', [CompletionResultType]::ParameterName, 'Accept keys of providers the registry does not know (as `key set --allow-unknown`)')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('legacy-json', 'legacy-json', [CompletionResultType]::ParameterValue, 'Import ALwrity''s legacy .onboarding_progress*.json files (files or directories)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;import;legacy-json' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The owner of the global .onboarding_progress.json (required for it)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Read, map and check every file and report what would change; write nothing')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;import;help' {
            [CompletionResult]::new('legacy-json', 'legacy-json', [CompletionResultType]::ParameterValue, 'Import ALwrity''s legacy .onboarding_progress*.json files (files or directories)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;import;help;legacy-json' {
            break
        }
        'onboardctl;import;help;help' {
            break
        }
        'onboardctl;db' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Apply pending schema migrations (on a database ALwrity made: attach, adding only onboardctl''s own tables and indexes)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the backend, location, schema version, pending migrations and, on a database ALwrity made, its era and duplicate sessions')
            [CompletionResult]::new('repair', 'repair', [CompletionResultType]::ParameterValue, 'Merge duplicate session rows of a database ALwrity made (keeping the row ALwrity reads), moving the others to onboardctl_quarantine')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy every user to another database (SQLite <-> PostgreSQL)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;db;migrate' {
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another `db migrate` to finish (PostgreSQL migration lock)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List the pending migrations and apply nothing')
            [CompletionResult]::new('--wal', '--wal', [CompletionResultType]::ParameterName, 'On an ALwrity SQLite file, also switch its journal to WAL (persistent; never done otherwise)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;db;status' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Exit with code 6 when migrations are pending')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;db;repair' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be merged and moved; change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;db;copy' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The target database URL (same forms as --database-url)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--merge', '--merge', [CompletionResultType]::ParameterName, 'Copy into a target that already holds users: users in both are replaced by this database''s data, users only the target has are kept (asks first, or --yes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;db;help' {
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Apply pending schema migrations (on a database ALwrity made: attach, adding only onboardctl''s own tables and indexes)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the backend, location, schema version, pending migrations and, on a database ALwrity made, its era and duplicate sessions')
            [CompletionResult]::new('repair', 'repair', [CompletionResultType]::ParameterValue, 'Merge duplicate session rows of a database ALwrity made (keeping the row ALwrity reads), moving the others to onboardctl_quarantine')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy every user to another database (SQLite <-> PostgreSQL)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;db;help;migrate' {
            break
        }
        'onboardctl;db;help;status' {
            break
        }
        'onboardctl;db;help;repair' {
            break
        }
        'onboardctl;db;help;copy' {
            break
        }
        'onboardctl;db;help;help' {
            break
        }
        'onboardctl;report' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only users who started at or after this date or time (`2026-01-05`, midnight UTC, or RFC 3339)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only users who started before this date or time')
            [CompletionResult]::new('--stalled-days', '--stalled-days', [CompletionResultType]::ParameterName, 'A user is stuck at their current step after D days without a change')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Group cohorts by the week (Monday first) or month users started')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;doctor' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;env' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show, masked, which of a user''s keys are missing from, differ in or match the .env file (and CopilotKit''s in $ONBOARDCTL_FRONTEND_ENV_FILE); changes nothing')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Write a user''s keys into the .env file (and CopilotKit''s into $ONBOARDCTL_FRONTEND_ENV_FILE); with --check, change nothing and exit 6 on drift')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;env;diff' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;env;sync' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Change nothing; exit 6 when any key is missing from or differs in the file')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;env;help' {
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show, masked, which of a user''s keys are missing from, differ in or match the .env file (and CopilotKit''s in $ONBOARDCTL_FRONTEND_ENV_FILE); changes nothing')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Write a user''s keys into the .env file (and CopilotKit''s into $ONBOARDCTL_FRONTEND_ENV_FILE); with --check, change nothing and exit 6 on drift')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;env;help;diff' {
            break
        }
        'onboardctl;env;help;sync' {
            break
        }
        'onboardctl;env;help;help' {
            break
        }
        'onboardctl;audit' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show the audit trail, newest first (on a workspace, across every user''s file)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;audit;log' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only rows of this user')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only rows at or after this time: RFC 3339 (`2025-06-01T12:00:00Z`), a date (`2025-06-01`, UTC midnight), or an age (`30m`, `12h`, `7d`)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many rows')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;audit;help' {
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show the audit trail, newest first (on a workspace, across every user''s file)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;audit;help;log' {
            break
        }
        'onboardctl;audit;help;help' {
            break
        }
        'onboardctl;run' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose keys')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider''s key (repeat, or separate with commas); a provider without a key is exit 3. Without it: every key the user has')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--frontend', '--frontend', [CompletionResultType]::ParameterName, 'Also set REACT_APP_COPILOTKIT_API_KEY (ALwrity''s frontend) to the CopilotKit key')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;completions' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;man' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root, or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity''s own), then the workspace of $ALWRITY_ROOT_DIR, then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`')
            [CompletionResult]::new('--alwrity-era', '--alwrity-era', [CompletionResultType]::ParameterName, 'On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is `head`)')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity''s writer) before giving up with exit 5')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps only these top-level fields, in this order (an unknown one is exit 2, naming the valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json); strings are printed as text, other results as compact JSON, one a line')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people), tsv (one record a line, tab-separated, no header, control characters escaped) or json (the same as --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit trail records a change for. Without it: $ONBOARDCTL_ACTOR, then `$USER@host`. With `audit log`: show only this actor''s rows')
            [CompletionResult]::new('--no-dotenv', '--no-dotenv', [CompletionResultType]::ParameterName, 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Do not truncate tables to the terminal width ($COLUMNS, else the terminal''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (repeat for more); never prints a secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes on stderr (data and errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'onboardctl;help' {
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'Create, show, list, delete or reset onboarding sessions')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Set, show, list or delete a user''s provider API keys')
            [CompletionResult]::new('progress', 'progress', [CompletionResultType]::ParameterValue, 'Show or change a user''s onboarding steps and progress')
            [CompletionResult]::new('analysis', 'analysis', [CompletionResultType]::ParameterValue, 'Set or show a user''s website analysis (step 2)')
            [CompletionResult]::new('research', 'research', [CompletionResultType]::ParameterValue, 'Set or show a user''s research preferences (step 3)')
            [CompletionResult]::new('persona', 'persona', [CompletionResultType]::ParameterValue, 'Set or show a user''s persona data (step 4)')
            [CompletionResult]::new('ai-inputs', 'ai-inputs', [CompletionResultType]::ParameterValue, 'Print the personalized AI inputs derived from a user''s onboarding data')
            [CompletionResult]::new('complete', 'complete', [CompletionResultType]::ParameterValue, 'Complete a user''s onboarding (steps 1-4 completed, step 5 completed or skipped)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write users as NDJSON on stdout, one user per line with all their data')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Read users from NDJSON (as `export` writes it), or ALwrity''s legacy progress files')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Apply or inspect schema migrations, or copy every user to another database')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'The onboarding funnel across all users: steps, completion, times, cohorts')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the database and local setup; say how to fix each finding')
            [CompletionResult]::new('env', 'env', [CompletionResultType]::ParameterValue, 'Compare a user''s keys with the local .env file, or write them into it')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Show the audit trail of changes (who changed what of whose, when and why)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a command with a user''s keys in its environment (no file written, no key on argv); exits with the command''s exit code')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page (roff) to stdout')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'onboardctl;help;session' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a user''s session, or return the existing one (idempotent)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a user''s session and its six steps')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List sessions, newest change first (see --sort); at most 100 unless --limit or --all')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user''s session and, by cascade, all of their data (--dry-run lists it)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Put every step back to pending (step 1, progress 0); stored data is kept unless --purge')
            break
        }
        'onboardctl;help;session;create' {
            break
        }
        'onboardctl;help;session;show' {
            break
        }
        'onboardctl;help;session;list' {
            break
        }
        'onboardctl;help;session;delete' {
            break
        }
        'onboardctl;help;session;reset' {
            break
        }
        'onboardctl;help;key' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store a user''s key for a provider (read from a hidden prompt, --stdin, --from-env or --from-file; never from the command line)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a user''s key for a provider, masked unless --reveal')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a user''s keys, masked')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user''s key for a provider')
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'List the providers onboardctl knows: env var, whether required, format check')
            [CompletionResult]::new('reseal', 'reseal', [CompletionResultType]::ParameterValue, 'Encrypt every plaintext key under $ONBOARDCTL_MASTER_KEY, or re-encrypt keys sealed under a previous master key (with --old-master-key-env)')
            break
        }
        'onboardctl;help;key;set' {
            break
        }
        'onboardctl;help;key;get' {
            break
        }
        'onboardctl;help;key;list' {
            break
        }
        'onboardctl;help;key;delete' {
            break
        }
        'onboardctl;help;key;providers' {
            break
        }
        'onboardctl;help;key;reseal' {
            break
        }
        'onboardctl;help;progress' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the progress summary and the six steps')
            [CompletionResult]::new('step', 'step', [CompletionResultType]::ParameterValue, 'Set one step''s status; completing a step checks its requirements unless --force')
            [CompletionResult]::new('set-step', 'set-step', [CompletionResultType]::ParameterValue, 'Override the current step (until the next step change)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Override the progress percentage, 0-100 (until the next step change)')
            break
        }
        'onboardctl;help;progress;show' {
            break
        }
        'onboardctl;help;progress;step' {
            break
        }
        'onboardctl;help;progress;set-step' {
            break
        }
        'onboardctl;help;progress;set' {
            break
        }
        'onboardctl;help;analysis' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store a user''s website analysis from JSON (--file FILE, or `-` for stdin)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a user''s website analysis')
            break
        }
        'onboardctl;help;analysis;set' {
            break
        }
        'onboardctl;help;analysis;show' {
            break
        }
        'onboardctl;help;research' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store a user''s research preferences; flags override fields of the JSON document')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a user''s research preferences')
            break
        }
        'onboardctl;help;research;set' {
            break
        }
        'onboardctl;help;research;show' {
            break
        }
        'onboardctl;help;persona' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store a user''s persona data from JSON (--file FILE, or `-` for stdin)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a user''s persona data')
            break
        }
        'onboardctl;help;persona;set' {
            break
        }
        'onboardctl;help;persona;show' {
            break
        }
        'onboardctl;help;ai-inputs' {
            break
        }
        'onboardctl;help;complete' {
            break
        }
        'onboardctl;help;export' {
            break
        }
        'onboardctl;help;import' {
            [CompletionResult]::new('legacy-json', 'legacy-json', [CompletionResultType]::ParameterValue, 'Import ALwrity''s legacy .onboarding_progress*.json files (files or directories)')
            break
        }
        'onboardctl;help;import;legacy-json' {
            break
        }
        'onboardctl;help;db' {
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Apply pending schema migrations (on a database ALwrity made: attach, adding only onboardctl''s own tables and indexes)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the backend, location, schema version, pending migrations and, on a database ALwrity made, its era and duplicate sessions')
            [CompletionResult]::new('repair', 'repair', [CompletionResultType]::ParameterValue, 'Merge duplicate session rows of a database ALwrity made (keeping the row ALwrity reads), moving the others to onboardctl_quarantine')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy every user to another database (SQLite <-> PostgreSQL)')
            break
        }
        'onboardctl;help;db;migrate' {
            break
        }
        'onboardctl;help;db;status' {
            break
        }
        'onboardctl;help;db;repair' {
            break
        }
        'onboardctl;help;db;copy' {
            break
        }
        'onboardctl;help;report' {
            break
        }
        'onboardctl;help;doctor' {
            break
        }
        'onboardctl;help;env' {
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show, masked, which of a user''s keys are missing from, differ in or match the .env file (and CopilotKit''s in $ONBOARDCTL_FRONTEND_ENV_FILE); changes nothing')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Write a user''s keys into the .env file (and CopilotKit''s into $ONBOARDCTL_FRONTEND_ENV_FILE); with --check, change nothing and exit 6 on drift')
            break
        }
        'onboardctl;help;env;diff' {
            break
        }
        'onboardctl;help;env;sync' {
            break
        }
        'onboardctl;help;audit' {
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show the audit trail, newest first (on a workspace, across every user''s file)')
            break
        }
        'onboardctl;help;audit;log' {
            break
        }
        'onboardctl;help;run' {
            break
        }
        'onboardctl;help;completions' {
            break
        }
        'onboardctl;help;man' {
            break
        }
        'onboardctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}

# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_onboardctl_global_optspecs
    string join \n database-url= no-dotenv env-file= json color= v/verbose q/quiet h/help V/version
end

function __fish_onboardctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_onboardctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_onboardctl_using_subcommand
    set -l cmd (__fish_onboardctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c onboardctl -n "__fish_onboardctl_needs_command" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_needs_command" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_needs_command" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_needs_command" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -s V -l version -d 'Print version'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -f -a "session" -d 'Create, show, list, delete or reset onboarding sessions'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -f -a "key" -d 'Set, show, list or delete a user\'s provider API keys'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -f -a "progress" -d 'Show or change a user\'s onboarding steps and progress'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -f -a "analysis" -d 'Set or show a user\'s website analysis (step 2)'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -f -a "research" -d 'Set or show a user\'s research preferences (step 3)'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -f -a "persona" -d 'Set or show a user\'s persona data (step 4)'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -f -a "ai-inputs" -d 'Print the personalized AI inputs derived from a user\'s onboarding data'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -f -a "complete" -d 'Complete a user\'s onboarding (steps 1-4 completed, step 5 completed or skipped)'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -f -a "export" -d 'Write users as NDJSON on stdout, one user per line with all their data'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -f -a "import" -d 'Read users from NDJSON (as `export` writes it), or ALwrity\'s legacy progress files'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -f -a "db" -d 'Apply or inspect schema migrations, or copy every user to another database'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -f -a "env" -d 'Compare a user\'s keys with the local .env file, or write them into it'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -f -a "man" -d 'Print the manual page (roff) to stdout'
complete -c onboardctl -n "__fish_onboardctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and not __fish_seen_subcommand_from create show list delete reset help" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and not __fish_seen_subcommand_from create show list delete reset help" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and not __fish_seen_subcommand_from create show list delete reset help" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and not __fish_seen_subcommand_from create show list delete reset help" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and not __fish_seen_subcommand_from create show list delete reset help" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and not __fish_seen_subcommand_from create show list delete reset help" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and not __fish_seen_subcommand_from create show list delete reset help" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and not __fish_seen_subcommand_from create show list delete reset help" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and not __fish_seen_subcommand_from create show list delete reset help" -f -a "create" -d 'Create a user\'s session, or return the existing one (idempotent)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and not __fish_seen_subcommand_from create show list delete reset help" -f -a "show" -d 'Show a user\'s session and its six steps'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and not __fish_seen_subcommand_from create show list delete reset help" -f -a "list" -d 'List sessions, newest change first'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and not __fish_seen_subcommand_from create show list delete reset help" -f -a "delete" -d 'Delete a user\'s session and, by cascade, all of their data'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and not __fish_seen_subcommand_from create show list delete reset help" -f -a "reset" -d 'Put every step back to pending (step 1, progress 0); stored data is kept unless --purge'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and not __fish_seen_subcommand_from create show list delete reset help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from create" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from create" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from create" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from create" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from create" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from show" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from show" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from show" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from show" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from show" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from list" -l status -d 'Keep sessions in these states (comma-separated)' -r -f -a "not-started\t'No step has left pending'
in-progress\t'Some step has left pending; not completed'
completed\t'Onboarding completed'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from list" -l step -d 'Keep sessions whose current step is N (1-6)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from list" -l stalled-days -d 'Keep unfinished sessions not updated for at least D days' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from list" -l limit -d 'Show at most this many sessions' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from list" -l offset -d 'Skip this many sessions first' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from list" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from list" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from list" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from list" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from list" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from delete" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from delete" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from delete" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation (required when stdin or stderr is not a terminal)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from delete" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from delete" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from reset" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from reset" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from reset" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from reset" -l purge -d 'Also delete the user\'s API keys, website analysis, research preferences and persona (asks first, or --yes)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from reset" -s y -l yes -d 'Do not ask for confirmation (required when stdin or stderr is not a terminal)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from reset" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from reset" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a user\'s session, or return the existing one (idempotent)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a user\'s session and its six steps'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "list" -d 'List sessions, newest change first'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a user\'s session and, by cascade, all of their data'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Put every step back to pending (step 1, progress 0); stored data is kept unless --purge'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and not __fish_seen_subcommand_from set get list delete providers reseal help" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and not __fish_seen_subcommand_from set get list delete providers reseal help" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and not __fish_seen_subcommand_from set get list delete providers reseal help" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and not __fish_seen_subcommand_from set get list delete providers reseal help" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and not __fish_seen_subcommand_from set get list delete providers reseal help" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and not __fish_seen_subcommand_from set get list delete providers reseal help" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and not __fish_seen_subcommand_from set get list delete providers reseal help" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and not __fish_seen_subcommand_from set get list delete providers reseal help" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and not __fish_seen_subcommand_from set get list delete providers reseal help" -f -a "set" -d 'Store a user\'s key for a provider (read from a hidden prompt, --stdin, --from-env or --from-file; never from the command line)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and not __fish_seen_subcommand_from set get list delete providers reseal help" -f -a "get" -d 'Show a user\'s key for a provider, masked unless --reveal'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and not __fish_seen_subcommand_from set get list delete providers reseal help" -f -a "list" -d 'List a user\'s keys, masked'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and not __fish_seen_subcommand_from set get list delete providers reseal help" -f -a "delete" -d 'Delete a user\'s key for a provider'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and not __fish_seen_subcommand_from set get list delete providers reseal help" -f -a "providers" -d 'List the providers onboardctl knows: env var, whether required, format check'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and not __fish_seen_subcommand_from set get list delete providers reseal help" -f -a "reseal" -d 'Encrypt every plaintext key under $ONBOARDCTL_MASTER_KEY, or re-encrypt keys sealed under a previous master key (with --old-master-key-env)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and not __fish_seen_subcommand_from set get list delete providers reseal help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from set" -l from-env -d 'Read the key from this environment variable' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from set" -l from-file -d 'Read the key from this file (one trailing newline is removed)' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from set" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from set" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from set" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from set" -l stdin -d 'Read the key from stdin (one trailing newline is removed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from set" -l no-validate -d 'Store the value even if it does not match the provider\'s key format'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from set" -l allow-unknown -d 'Accept a provider that is not in the registry'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from set" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from set" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from get" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from get" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from get" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from get" -l reveal -d 'Print the raw value alone (with --json: {"provider":…,"value":…})'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from get" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from get" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from list" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from list" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from list" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from list" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from list" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from delete" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from delete" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from delete" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from delete" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from delete" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from providers" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from providers" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from providers" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from providers" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from providers" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from providers" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from providers" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from providers" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from reseal" -l old-master-key-env -d 'The environment variable holding the previous master key (base64), to re-encrypt keys sealed under it; the new key is $ONBOARDCTL_MASTER_KEY' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from reseal" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from reseal" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from reseal" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from reseal" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from reseal" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from reseal" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from reseal" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from reseal" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "set" -d 'Store a user\'s key for a provider (read from a hidden prompt, --stdin, --from-env or --from-file; never from the command line)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show a user\'s key for a provider, masked unless --reveal'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "list" -d 'List a user\'s keys, masked'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a user\'s key for a provider'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "providers" -d 'List the providers onboardctl knows: env var, whether required, format check'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "reseal" -d 'Encrypt every plaintext key under $ONBOARDCTL_MASTER_KEY, or re-encrypt keys sealed under a previous master key (with --old-master-key-env)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and not __fish_seen_subcommand_from show step set-step set help" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and not __fish_seen_subcommand_from show step set-step set help" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and not __fish_seen_subcommand_from show step set-step set help" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and not __fish_seen_subcommand_from show step set-step set help" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and not __fish_seen_subcommand_from show step set-step set help" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and not __fish_seen_subcommand_from show step set-step set help" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and not __fish_seen_subcommand_from show step set-step set help" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and not __fish_seen_subcommand_from show step set-step set help" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and not __fish_seen_subcommand_from show step set-step set help" -f -a "show" -d 'Show the progress summary and the six steps'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and not __fish_seen_subcommand_from show step set-step set help" -f -a "step" -d 'Set one step\'s status; completing a step checks its requirements unless --force'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and not __fish_seen_subcommand_from show step set-step set help" -f -a "set-step" -d 'Override the current step (until the next step change)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and not __fish_seen_subcommand_from show step set-step set help" -f -a "set" -d 'Override the progress percentage, 0-100 (until the next step change)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and not __fish_seen_subcommand_from show step set-step set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from show" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from show" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from show" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from show" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from show" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from step" -l data -d 'Step data: a JSON file, or `-` for stdin' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from step" -l error -d 'For `failed`: the reason, recorded with the step' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from step" -l reason -d 'Why the step is forced (required with --force; recorded with the step)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from step" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from step" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from step" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from step" -l force -d 'Complete the step without checking its requirements (recorded as forced, with --reason)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from step" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from step" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from step" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from step" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from step" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from set-step" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from set-step" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from set-step" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from set-step" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from set-step" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from set-step" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from set-step" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from set-step" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from set" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from set" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from set" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from set" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from set" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the progress summary and the six steps'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from help" -f -a "step" -d 'Set one step\'s status; completing a step checks its requirements unless --force'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from help" -f -a "set-step" -d 'Override the current step (until the next step change)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from help" -f -a "set" -d 'Override the progress percentage, 0-100 (until the next step change)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand progress; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and not __fish_seen_subcommand_from set show help" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and not __fish_seen_subcommand_from set show help" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and not __fish_seen_subcommand_from set show help" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and not __fish_seen_subcommand_from set show help" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and not __fish_seen_subcommand_from set show help" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and not __fish_seen_subcommand_from set show help" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and not __fish_seen_subcommand_from set show help" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and not __fish_seen_subcommand_from set show help" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and not __fish_seen_subcommand_from set show help" -f -a "set" -d 'Store a user\'s website analysis from JSON (--file FILE, or `-` for stdin)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and not __fish_seen_subcommand_from set show help" -f -a "show" -d 'Show a user\'s website analysis'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and not __fish_seen_subcommand_from set show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from set" -s f -l file -d 'Read the JSON document from this file (`-` reads stdin)' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from set" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from set" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from set" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from set" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from set" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from show" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from show" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from show" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from show" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from show" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from help" -f -a "set" -d 'Store a user\'s website analysis from JSON (--file FILE, or `-` for stdin)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a user\'s website analysis'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand analysis; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and not __fish_seen_subcommand_from set show help" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and not __fish_seen_subcommand_from set show help" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and not __fish_seen_subcommand_from set show help" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and not __fish_seen_subcommand_from set show help" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and not __fish_seen_subcommand_from set show help" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and not __fish_seen_subcommand_from set show help" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and not __fish_seen_subcommand_from set show help" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and not __fish_seen_subcommand_from set show help" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and not __fish_seen_subcommand_from set show help" -f -a "set" -d 'Store a user\'s research preferences; flags override fields of the JSON document'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and not __fish_seen_subcommand_from set show help" -f -a "show" -d 'Show a user\'s research preferences'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and not __fish_seen_subcommand_from set show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from set" -l depth -d 'Research depth, e.g. Basic, Standard, Comprehensive, Expert' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from set" -l content-types -d 'Content types to research (comma-separated)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from set" -l auto-research -d 'Research automatically: true or false' -r -f -a "true\t''
false\t''"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from set" -l factual-content -d 'Prefer factual content: true or false' -r -f -a "true\t''
false\t''"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from set" -s f -l file -d 'Read the JSON document from this file (`-` reads stdin)' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from set" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from set" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from set" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from set" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from set" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from show" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from show" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from show" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from show" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from show" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from help" -f -a "set" -d 'Store a user\'s research preferences; flags override fields of the JSON document'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a user\'s research preferences'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand research; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and not __fish_seen_subcommand_from set show help" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and not __fish_seen_subcommand_from set show help" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and not __fish_seen_subcommand_from set show help" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and not __fish_seen_subcommand_from set show help" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and not __fish_seen_subcommand_from set show help" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and not __fish_seen_subcommand_from set show help" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and not __fish_seen_subcommand_from set show help" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and not __fish_seen_subcommand_from set show help" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and not __fish_seen_subcommand_from set show help" -f -a "set" -d 'Store a user\'s persona data from JSON (--file FILE, or `-` for stdin)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and not __fish_seen_subcommand_from set show help" -f -a "show" -d 'Show a user\'s persona data'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and not __fish_seen_subcommand_from set show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from set" -s f -l file -d 'Read the JSON document from this file (`-` reads stdin)' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from set" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from set" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from set" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from set" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from set" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from show" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from show" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from show" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from show" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from show" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from help" -f -a "set" -d 'Store a user\'s persona data from JSON (--file FILE, or `-` for stdin)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a user\'s persona data'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand persona; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand ai-inputs" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand ai-inputs" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand ai-inputs" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand ai-inputs" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand ai-inputs" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand ai-inputs" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand ai-inputs" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand ai-inputs" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand complete" -l reason -d 'Why the completion is forced (required with --force; recorded with step 6; a second forced completion replaces it)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand complete" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand complete" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand complete" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand complete" -l force -d 'Complete even if steps 1-5 are unfinished (recorded as forced, with --reason)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand complete" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand complete" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand complete" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand complete" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand complete" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand export" -l user -d 'Export only this user (repeat for more); by default every user, ordered by id' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand export" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand export" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand export" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand export" -l include-secrets -d 'Write key values in full; by default a key is {provider, masked, fingerprint} and an import keeps the key already stored'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand export" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand export" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand export" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand export" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand export" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and not __fish_seen_subcommand_from legacy-json help" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and not __fish_seen_subcommand_from legacy-json help" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and not __fish_seen_subcommand_from legacy-json help" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and not __fish_seen_subcommand_from legacy-json help" -l dry-run -d 'Read and check every line and report what would change; write nothing'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and not __fish_seen_subcommand_from legacy-json help" -l no-validate -d 'Store key values without checking their provider\'s format (as `key set --no-validate`; a line can also say `"validate": false`)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and not __fish_seen_subcommand_from legacy-json help" -l allow-unknown -d 'Accept keys of providers the registry does not know (as `key set --allow-unknown`)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and not __fish_seen_subcommand_from legacy-json help" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and not __fish_seen_subcommand_from legacy-json help" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and not __fish_seen_subcommand_from legacy-json help" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and not __fish_seen_subcommand_from legacy-json help" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and not __fish_seen_subcommand_from legacy-json help" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and not __fish_seen_subcommand_from legacy-json help" -a "legacy-json" -d 'Import ALwrity\'s legacy .onboarding_progress*.json files (files or directories)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and not __fish_seen_subcommand_from legacy-json help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and __fish_seen_subcommand_from legacy-json" -l user -d 'The owner of the global .onboarding_progress.json (required for it)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and __fish_seen_subcommand_from legacy-json" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and __fish_seen_subcommand_from legacy-json" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and __fish_seen_subcommand_from legacy-json" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and __fish_seen_subcommand_from legacy-json" -l dry-run -d 'Read, map and check every file and report what would change; write nothing'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and __fish_seen_subcommand_from legacy-json" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and __fish_seen_subcommand_from legacy-json" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and __fish_seen_subcommand_from legacy-json" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and __fish_seen_subcommand_from legacy-json" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and __fish_seen_subcommand_from legacy-json" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and __fish_seen_subcommand_from help" -f -a "legacy-json" -d 'Import ALwrity\'s legacy .onboarding_progress*.json files (files or directories)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand import; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status copy help" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status copy help" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status copy help" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status copy help" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status copy help" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status copy help" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status copy help" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status copy help" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status copy help" -f -a "migrate" -d 'Apply pending schema migrations (adopts a database ALwrity created, in place)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status copy help" -f -a "status" -d 'Show the backend, location, schema version and pending migrations'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status copy help" -f -a "copy" -d 'Copy every user to another database (SQLite <-> PostgreSQL)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status copy help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l lock-timeout -d 'Seconds to wait for another `db migrate` to finish (PostgreSQL migration lock)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l dry-run -d 'List the pending migrations and apply nothing'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -s y -l yes -d 'Do not ask for confirmation (required when stdin or stderr is not a terminal)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from status" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from status" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from status" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from status" -l check -d 'Exit with code 6 when migrations are pending'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from status" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from status" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from copy" -l to -d 'The target database URL (same forms as --database-url)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from copy" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from copy" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from copy" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from copy" -l merge -d 'Copy into a target that already holds users: users in both are replaced by this database\'s data, users only the target has are kept (asks first, or --yes)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from copy" -s y -l yes -d 'Do not ask for confirmation (required when stdin or stderr is not a terminal)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from copy" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from copy" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from copy" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from copy" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from copy" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Apply pending schema migrations (adopts a database ALwrity created, in place)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the backend, location, schema version and pending migrations'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "copy" -d 'Copy every user to another database (SQLite <-> PostgreSQL)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and not __fish_seen_subcommand_from diff sync help" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and not __fish_seen_subcommand_from diff sync help" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and not __fish_seen_subcommand_from diff sync help" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and not __fish_seen_subcommand_from diff sync help" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and not __fish_seen_subcommand_from diff sync help" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and not __fish_seen_subcommand_from diff sync help" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and not __fish_seen_subcommand_from diff sync help" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and not __fish_seen_subcommand_from diff sync help" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and not __fish_seen_subcommand_from diff sync help" -f -a "diff" -d 'Show, masked, which of a user\'s keys are missing from, differ in or match the .env file (and CopilotKit\'s in $ONBOARDCTL_FRONTEND_ENV_FILE); changes nothing'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and not __fish_seen_subcommand_from diff sync help" -f -a "sync" -d 'Write a user\'s keys into the .env file (and CopilotKit\'s into $ONBOARDCTL_FRONTEND_ENV_FILE); with --check, change nothing and exit 6 on drift'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and not __fish_seen_subcommand_from diff sync help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from diff" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from diff" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from diff" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from diff" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from diff" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from diff" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from diff" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from sync" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from sync" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from sync" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from sync" -l check -d 'Change nothing; exit 6 when any key is missing from or differs in the file'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from sync" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from sync" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from sync" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from help" -f -a "diff" -d 'Show, masked, which of a user\'s keys are missing from, differ in or match the .env file (and CopilotKit\'s in $ONBOARDCTL_FRONTEND_ENV_FILE); changes nothing'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Write a user\'s keys into the .env file (and CopilotKit\'s into $ONBOARDCTL_FRONTEND_ENV_FILE); with --check, change nothing and exit 6 on drift'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand env; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand completions" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand completions" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand completions" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand completions" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand completions" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand completions" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand completions" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand completions" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand man" -l database-url -d 'Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgres://…` or `postgresql+psycopg2://…`. Without it: $ONBOARDCTL_DATABASE_URL, then $DATABASE_URL (ALwrity\'s own), then the embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else ~/.local/share/onboardctl/onboarding.db)' -r
complete -c onboardctl -n "__fish_onboardctl_using_subcommand man" -l env-file -d 'The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`' -r -F
complete -c onboardctl -n "__fish_onboardctl_using_subcommand man" -l color -d 'Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or empty), always or never' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour human output (JSON is never coloured)'
never\t'Never colour'"
complete -c onboardctl -n "__fish_onboardctl_using_subcommand man" -l no-dotenv -d 'Do not load `.env` from the working directory (by default it is loaded, and real environment variables win over it)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand man" -l json -d 'Print data as JSON on stdout, and errors as JSON on stderr'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand man" -s v -l verbose -d 'Print diagnostics on stderr (repeat for more); never prints a secret'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand man" -s q -l quiet -d 'Print no notes on stderr (data and errors are still printed)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand man" -s h -l help -d 'Print help'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and not __fish_seen_subcommand_from session key progress analysis research persona ai-inputs complete export import db env completions man help" -f -a "session" -d 'Create, show, list, delete or reset onboarding sessions'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and not __fish_seen_subcommand_from session key progress analysis research persona ai-inputs complete export import db env completions man help" -f -a "key" -d 'Set, show, list or delete a user\'s provider API keys'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and not __fish_seen_subcommand_from session key progress analysis research persona ai-inputs complete export import db env completions man help" -f -a "progress" -d 'Show or change a user\'s onboarding steps and progress'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and not __fish_seen_subcommand_from session key progress analysis research persona ai-inputs complete export import db env completions man help" -f -a "analysis" -d 'Set or show a user\'s website analysis (step 2)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and not __fish_seen_subcommand_from session key progress analysis research persona ai-inputs complete export import db env completions man help" -f -a "research" -d 'Set or show a user\'s research preferences (step 3)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and not __fish_seen_subcommand_from session key progress analysis research persona ai-inputs complete export import db env completions man help" -f -a "persona" -d 'Set or show a user\'s persona data (step 4)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and not __fish_seen_subcommand_from session key progress analysis research persona ai-inputs complete export import db env completions man help" -f -a "ai-inputs" -d 'Print the personalized AI inputs derived from a user\'s onboarding data'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and not __fish_seen_subcommand_from session key progress analysis research persona ai-inputs complete export import db env completions man help" -f -a "complete" -d 'Complete a user\'s onboarding (steps 1-4 completed, step 5 completed or skipped)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and not __fish_seen_subcommand_from session key progress analysis research persona ai-inputs complete export import db env completions man help" -f -a "export" -d 'Write users as NDJSON on stdout, one user per line with all their data'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and not __fish_seen_subcommand_from session key progress analysis research persona ai-inputs complete export import db env completions man help" -f -a "import" -d 'Read users from NDJSON (as `export` writes it), or ALwrity\'s legacy progress files'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and not __fish_seen_subcommand_from session key progress analysis research persona ai-inputs complete export import db env completions man help" -f -a "db" -d 'Apply or inspect schema migrations, or copy every user to another database'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and not __fish_seen_subcommand_from session key progress analysis research persona ai-inputs complete export import db env completions man help" -f -a "env" -d 'Compare a user\'s keys with the local .env file, or write them into it'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and not __fish_seen_subcommand_from session key progress analysis research persona ai-inputs complete export import db env completions man help" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and not __fish_seen_subcommand_from session key progress analysis research persona ai-inputs complete export import db env completions man help" -f -a "man" -d 'Print the manual page (roff) to stdout'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and not __fish_seen_subcommand_from session key progress analysis research persona ai-inputs complete export import db env completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "create" -d 'Create a user\'s session, or return the existing one (idempotent)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "show" -d 'Show a user\'s session and its six steps'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "list" -d 'List sessions, newest change first'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "delete" -d 'Delete a user\'s session and, by cascade, all of their data'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "reset" -d 'Put every step back to pending (step 1, progress 0); stored data is kept unless --purge'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "set" -d 'Store a user\'s key for a provider (read from a hidden prompt, --stdin, --from-env or --from-file; never from the command line)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "get" -d 'Show a user\'s key for a provider, masked unless --reveal'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "list" -d 'List a user\'s keys, masked'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "delete" -d 'Delete a user\'s key for a provider'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "providers" -d 'List the providers onboardctl knows: env var, whether required, format check'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "reseal" -d 'Encrypt every plaintext key under $ONBOARDCTL_MASTER_KEY, or re-encrypt keys sealed under a previous master key (with --old-master-key-env)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from progress" -f -a "show" -d 'Show the progress summary and the six steps'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from progress" -f -a "step" -d 'Set one step\'s status; completing a step checks its requirements unless --force'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from progress" -f -a "set-step" -d 'Override the current step (until the next step change)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from progress" -f -a "set" -d 'Override the progress percentage, 0-100 (until the next step change)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from analysis" -f -a "set" -d 'Store a user\'s website analysis from JSON (--file FILE, or `-` for stdin)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from analysis" -f -a "show" -d 'Show a user\'s website analysis'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from research" -f -a "set" -d 'Store a user\'s research preferences; flags override fields of the JSON document'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from research" -f -a "show" -d 'Show a user\'s research preferences'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from persona" -f -a "set" -d 'Store a user\'s persona data from JSON (--file FILE, or `-` for stdin)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from persona" -f -a "show" -d 'Show a user\'s persona data'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from import" -f -a "legacy-json" -d 'Import ALwrity\'s legacy .onboarding_progress*.json files (files or directories)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "migrate" -d 'Apply pending schema migrations (adopts a database ALwrity created, in place)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "status" -d 'Show the backend, location, schema version and pending migrations'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "copy" -d 'Copy every user to another database (SQLite <-> PostgreSQL)'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from env" -f -a "diff" -d 'Show, masked, which of a user\'s keys are missing from, differ in or match the .env file (and CopilotKit\'s in $ONBOARDCTL_FRONTEND_ENV_FILE); changes nothing'
complete -c onboardctl -n "__fish_onboardctl_using_subcommand help; and __fish_seen_subcommand_from env" -f -a "sync" -d 'Write a user\'s keys into the .env file (and CopilotKit\'s into $ONBOARDCTL_FRONTEND_ENV_FILE); with --check, change nothing and exit 6 on drift'

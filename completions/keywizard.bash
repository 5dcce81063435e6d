# bash completion for keywizard: commands, each command's options, and the values some of them take.
# Installed as share/bash-completion/completions/keywizard (loaded on first use by bash-completion).
# Keep in step with usage_text() and wizard_usage_text() in cli/cli_options.cpp.

_keywizard() {
    local cur prev words cword
    _init_completion -s || return

    local commands="wizard check set show forget exec import providers help"
    local endpoint="--base-url --organization --project --ca-file --proxy --timeout --require-model"

    # The command is the first word; before it, only the app's own options and --help/--version.
    if [[ $cword -eq 1 ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--help --version --app-id" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        fi
        return
    fi

    case $prev in
        --store)
            COMPREPLY=($(compgen -W "keyring file" -- "$cur"))
            return ;;
        --ca-file | --content)
            _filedir
            return ;;
        --base-url)
            COMPREPLY=($(compgen -W "https://api.openai.com/v1" -- "$cur"))
            return ;;
        --timeout)
            COMPREPLY=($(compgen -W "10 30 60 120" -- "$cur"))
            return ;;
        --app-id | --app-name | --change-key-later | --organization | --project | --proxy | --require-model)
            # A free value: offer nothing rather than file names.
            return ;;
    esac
    [[ $was_split ]] && return

    local options
    case ${words[1]} in
        wizard) options="--app-id --app-name --content --change-key-later --json --help" ;;
        check) options="--stdin --generate --json --app-id $endpoint --help" ;;
        set) options="--store --no-check --allow-limited --generate --json --app-id $endpoint --help" ;;
        exec)
            # After "--", the command and its own arguments.
            local i
            for ((i = 2; i < cword; i++)); do
                if [[ ${words[i]} == -- ]]; then
                    if [[ $i -eq $((cword - 1)) ]]; then
                        COMPREPLY=($(compgen -c -- "$cur"))
                    else
                        _filedir
                    fi
                    return
                fi
            done
            options="--app-id --base-url --organization --project -- --help" ;;
        import)
            if [[ $cur != -* ]]; then
                _filedir
                return
            fi
            options="--remove-from-file --store --json --app-id $endpoint --help" ;;
        show) options="--json --app-id $endpoint --help" ;;
        forget) options="--app-id --help" ;;
        *) options="--app-id --help" ;;
    esac
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
} && complete -F _keywizard keywizard

#!/usr/bin/env bash
# ctest cli_language: the command's human lines follow LANGUAGE (the pseudo-locale, and German and Japanese
# as far as their catalogs go), while --json output and exit codes stay byte for byte the same in every
# language. What each language should say is asked of the catalog itself (gettext(1) on the same .mo), so the
# test holds while translators work.
#   cli_language_test.sh KEYWIZARD_BINARY LOCALE_DIR
set -euo pipefail
keywizard=$1
locale_dir=$2
scratch=$(mktemp -d "${TMPDIR:-/tmp}/keywizard-l10n.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
# Nothing of the caller's configuration: an empty config folder, no key in the environment.
export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config"
mkdir -p "$HOME" "$XDG_CONFIG_HOME"
unset OPENAI_API_KEY OPENAI_BASE_URL OPENAI_ORG_ID OPENAI_PROJECT_ID LC_MESSAGES LANG
# LANGUAGE is honoured only when the locale is not "C"; C.UTF-8 exists everywhere.
export LC_ALL=C.UTF-8
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# What the catalog of `language` says for `english` (the English itself when it has nothing).
catalog() { TEXTDOMAINDIR="$locale_dir" LANGUAGE="$1" gettext keywizard "$2"; }

# Runs keywizard under `language`; sets out, err, status. A malformed key is rejected before any network.
run() {
  local language=$1; shift
  status=0
  out=$(printf 'not-a-key\n' | LANGUAGE="$language" "$keywizard" "$@" 2>"$scratch/err") || status=$?
  err=$(cat "$scratch/err")
}

run en check --stdin
english_out=$out
[ "$status" -eq 2 ] || fail "English check of a malformed key: exit $status, not 2"
case "$english_out" in "✗ Key rejected"*) ;; *) fail "English report: $english_out" ;; esac
run en check --stdin --json
english_json=$(sed 's/"elapsed_ms":[0-9]*/"elapsed_ms":_/' <<<"$out")
run en check --timeout 0
english_usage_status=$status

for language in pseudo de ja; do
  expected=$(catalog "$language" "Key rejected")
  run "$language" check --stdin
  [ "$status" -eq 2 ] || fail "$language: check of a malformed key: exit $status, not 2"
  if [ "$expected" = "Key rejected" ]; then
    [ "$language" != pseudo ] || fail "the pseudo-locale's catalog was not found in $locale_dir"
    echo "$language: no translation of \"Key rejected\" yet; the report stays English"
    [ "$out" = "$english_out" ] || fail "$language without a translation: $out"
  else
    case "$out" in "✗ $expected"*) echo "$language: $out" ;; *) fail "$language report: $out (wanted ✗ $expected)" ;; esac
  fi

  run "$language" check --stdin --json
  [ "$status" -eq 2 ] || fail "$language: check --json: exit $status, not 2"
  json=$(sed 's/"elapsed_ms":[0-9]*/"elapsed_ms":_/' <<<"$out")
  [ "$json" = "$english_json" ] || fail "$language: --json differs from English: $json"

  run "$language" check --timeout 0
  [ "$status" -eq "$english_usage_status" ] || fail "$language: usage error exits $status, English $english_usage_status"
  wanted=$(catalog "$language" 'Try: keywizard --help')
  grep -qF -- "$wanted" <<<"$err" || fail "$language: usage error lacks \"$wanted\": $err"
done

# The pseudo-locale reaches the long texts too: --help and the wizard's --help.
run pseudo --help
case "$out" in "[Ûšàĝé: ķéýŵîžàŕð"*) ;; *) fail "pseudo --help: $(head -n1 <<<"$out")" ;; esac
run pseudo wizard --help
case "$out" in "[Ûšàĝé: ķéýŵîžàŕð ŵîžàŕð"*) ;; *) fail "pseudo wizard --help: $(head -n1 <<<"$out")" ;; esac

# The storage layer's messages reach the language too, written from one format with its fill-ins: `forget`
# with nothing stored names both places it looked.
file="$XDG_CONFIG_HOME/keywizard/.env"
run en forget
[ "$out" = "No key was stored (looked in the desktop keyring (Secret Service) and $file)" ] ||
  fail "English forget: $out"
for language in de ja; do
  run "$language" forget
  keyring=$(catalog "$language" "the desktop keyring (Secret Service)")
  format=$(catalog "$language" "No key was stored (looked in {keyring} and {file})")
  wanted=${format/"{keyring}"/$keyring}
  wanted=${wanted/"{file}"/$file}
  [ "$keyring" != "the desktop keyring (Secret Service)" ] || fail "$language: no translation of the keyring's name"
  [ "$out" = "$wanted" ] && echo "$language: $out" || fail "$language forget: $out (wanted $wanted)"
done

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "cli_language: ok"

#!/bin/bash
# Every key in the settings table (Settings::Key) has a reader in product code: a place under
# src/ that uses its value, outside the table itself (backoffice/Settings.*) and the forms that
# only edit it (ui/backoffice/SettingsDialog.*, ui/backoffice/FirstRunWizard.*). A line that
# writes the key (setValue, reset, check) is not a reader. A key that the back office saves
# and nothing reads is a setting the manager changes in vain: this fails and names it.
# Usage: settings_readers.sh SRC_DIR
set -euo pipefail
src=${1:?usage: settings_readers.sh SRC_DIR}
header="$src/backoffice/Settings.h"
[ -r "$header" ] || { echo "settings_readers: $header not found" >&2; exit 2; }
keys=$(sed -n '/enum class Key {/,/};/p' "$header" | sed -n 's/^[[:space:]]*\([A-Z][A-Za-z0-9]*\),.*/\1/p')
[ -n "$keys" ] || { echo "settings_readers: no keys found in $header" >&2; exit 2; }
count=0
missing=0
for key in $keys; do
  count=$((count + 1))
  readers=$(grep -rn --include='*.cpp' --include='*.h' "Key::$key\b" "$src" \
              | grep -v -e "^$src/backoffice/Settings\.\(h\|cpp\):" \
                        -e "^$src/ui/backoffice/SettingsDialog\.\(h\|cpp\):" \
                        -e "^$src/ui/backoffice/FirstRunWizard\.\(h\|cpp\):" \
              | grep -v -E "setValue\(|reset\(|check\(" || true)
  if [ -z "$readers" ]; then
    echo "settings_readers: Settings::Key::$key has no reader in product code" >&2
    missing=$((missing + 1))
  else
    echo "$key: $(printf '%s\n' "$readers" | cut -d: -f1 | sort -u | sed "s|^$src/||" | paste -sd' ')"
  fi
done
echo "settings_readers: $count keys, $missing without a reader"
[ "$missing" -eq 0 ]

#!/bin/sh
# check-po.sh CATALOGUE TEMPLATE — fails when the catalogue has untranslated
# or fuzzy messages, format errors, or lacks a message of the template.
set -e
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$1" 2>&1)
echo "$1: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "$1 is not complete" >&2; exit 1 ;;
esac
msgcmp "$1" "$2"

#!/usr/bin/env bash
# Builds the seed corpora in fuzz/corpus/<target>/ from fixtures/*.txt and the hand-written
# texts below: every article whole, each of its paragraphs, and (for jsonl_record) JSON Lines
# records made from them plus hostile records. The corpora are not committed; run this again
# after a fresh clone. Needs jq (for JSON escaping, which matches serde_json's for these texts).
#
#   fuzz/seed.sh            # from anywhere; existing corpus files are kept
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fixtures="$here/../fixtures"
corpus="$here/corpus"
text_targets=(analyze segment entities quotes commitments topics keyphrases)

mkdir -p "$corpus/jsonl_record"
for t in "${text_targets[@]}"; do mkdir -p "$corpus/$t"; done

texts="$(mktemp -d)"
trap 'rm -rf "$texts"' EXIT

# Whole articles and their paragraphs (runs of non-blank lines).
for f in "$fixtures"/*.txt; do
    name="$(basename "$f" .txt)"
    cp "$f" "$texts/$name"
    awk -v out="$texts/$name-p" '
        /^[[:space:]]*$/ { if (buf != "") { n++; printf "%s", buf > (out n); close(out n); buf = "" } next }
        { buf = buf $0 "\n" }
        END { if (buf != "") { n++; printf "%s", buf > (out n); close(out n) } }
    ' "$f"
done

# Hand-written sentences, one seed per line: the shapes the quote and commitment rules look for.
n=0
while IFS= read -r line; do
    n=$((n + 1))
    printf '%b' "$line" > "$texts/hand-$n"
done <<'EOF'
"We will not back down," Mr. Smith said.
“The deal is done,” said Foreign Minister Wang Yi, adding that talks would continue.
China will invest $1.5bn in the port by 2030, the ministry said.
According to officials, the plan failed.
According to state media Xinhua, the two leaders signed a joint statement.
Both leaders pledged to deepen cooperation if the sanctions are lifted.
The government has no plans to raise taxes, she told reporters on Monday.
He said: "It is over." She replied that it was not.
Putin, who arrived on Thursday, said he was prepared to negotiate.
"We are ready," he said. "We have always been ready."
The U.S. and the U.K. agreed to a ceasefire; Russia refused to sign.
Prime Minister Narendra Modi vowed to cut emissions 12% by Jan. 2030.
Ms. Lee (a spokeswoman) said the company would not comment.
'It won’t happen again,' the minister said, according to Reuters.
Officials said that the army would withdraw, and that talks would resume.
XI JINPING AND PUTIN SIGN JOINT STATEMENT\n\nThe two leaders met in Beijing.
Headline Without A Full Stop\nThe president said he will visit Paris.
Line one is hard\nwrapped here and goes on.\n\nA new paragraph.
Él dijo que sí. 习近平 said “好”. Mr. Müller, 75, said “Ja”.
“Nested ‘quotes’ here,” he said, “and an unclosed one.
The "plan" — he said — "will fail". They will see.
Dr. J. K. Rowling said she would donate £1m to St. Mary’s on 30 Aug 1996.
EOF

for t in "${text_targets[@]}"; do cp "$texts"/* "$corpus/$t/"; done

# JSON Lines records from the same texts, escaped as serde_json escapes them.
for f in "$texts"/*; do
    name="$(basename "$f")"
    jq -Rsc --arg id "$name" '{id: $id, text: .}' < "$f" > "$corpus/jsonl_record/$name.json"
    jq -Rsc '{text: .}' < "$f" > "$corpus/jsonl_record/$name-noid.json"
done

# Hostile records: deep nesting, huge numbers, missing and mistyped fields, bad escapes, framing.
h="$corpus/jsonl_record"
deep() { printf '%*s' "$1" '' | tr ' ' '['; printf '1'; printf '%*s' "$1" '' | tr ' ' ']'; }
printf '{"id":"deep100","text":"Xi said so.","x":%s}' "$(deep 100)" > "$h/hostile-deep-100"
printf '{"id":"deep200","text":"Xi said so.","x":%s}' "$(deep 200)" > "$h/hostile-deep-200"
printf '{"id":"deep","text":%s}' "$(deep 5000)" > "$h/hostile-deep-5000"
printf '{"id":123456789012345678901234567890,"text":"A big id."}' > "$h/hostile-huge-int"
printf '{"id":1e400,"text":"An id out of range."}' > "$h/hostile-huge-float"
printf '{"id":-0.0,"text":"A negative zero id."}' > "$h/hostile-neg-zero"
printf '{"id":18446744073709551616,"text":"Just past u64."}' > "$h/hostile-u64-plus-one"
printf '{"id":"a"}' > "$h/hostile-no-text"
printf '{}' > "$h/hostile-empty-object"
printf '{"text":null}' > "$h/hostile-null-text"
printf '{"text":5}' > "$h/hostile-number-text"
printf '{"id":{"a":1},"text":"x"}' > "$h/hostile-object-id"
printf '{"id":true,"text":"x"}' > "$h/hostile-bool-id"
printf '[{"text":"x"}]' > "$h/hostile-array"
printf '"text"' > "$h/hostile-string"
printf '{"text":"   \\n\\t "}' > "$h/hostile-blank-text"
printf '{"text":"a\\u0000b"}' > "$h/hostile-nul-escape"
printf '{"text":"\\ud800 said"}' > "$h/hostile-lone-surrogate"
printf '{"text":"\\ud83d\\ude00 said \\u201cyes\\u201d"}' > "$h/hostile-surrogate-pair"
printf '{"text":"first","text":"second said"}' > "$h/hostile-duplicate-key"
printf '\xef\xbb\xbf{"id":"bom","text":"He said so."}\r\n' > "$h/hostile-bom-crlf"
printf '{"id":"x","text":"He said so."} trailing' > "$h/hostile-trailing"
printf '{"id":"x","text":"caf\xe9 said"}' > "$h/hostile-invalid-utf8"
printf '{"id":"x","text":"unterminated' > "$h/hostile-unterminated"

for t in jsonl_record "${text_targets[@]}"; do
    echo "$t: $(find "$corpus/$t" -type f | wc -l) files"
done

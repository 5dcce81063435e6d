#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "net/key_lint.h"

using namespace keywizard::net;
namespace bdata = boost::unit_test::data;

namespace {

// Test keys follow the real shapes but are plainly fake: "kwtest" runs, no marker of real keys.
const std::string body40 = "kwtest0123kwtest4567kwtest89ABkwtestCDEF";
const std::string project_key = "sk-proj-" + body40;  // 48 characters

std::string repeated_to(std::size_t length) {
    std::string text;
    while (text.size() < length) {
        text += "kwtest0123";
    }
    return text.substr(0, length);
}

struct LintCase {
    std::string name;
    std::string raw;
    KeyLintVerdict verdict;
    std::string key;                      // expected normalised key (ok only)
    std::string problem_part;             // must appear in `problem` (not ok only)
    std::size_t position = 0;             // expected bad_position
    std::vector<std::string> note_parts;  // each must appear in one note, and there are this many notes
};

std::ostream& operator<<(std::ostream& out, const LintCase& c) {
    return out << c.name;
}

const std::string space_at_9 = "sk-proj- " + body40;

const std::vector<LintCase> lint_cases = {
    {"plain project key", project_key, KeyLintVerdict::ok, project_key, "", 0, {}},
    {"legacy sk- key", "sk-" + repeated_to(48), KeyLintVerdict::ok, "sk-" + repeated_to(48), "", 0, {}},
    {"ASCII whitespace around", " \t" + project_key + "\r\n ", KeyLintVerdict::ok, project_key, "", 0, {}},
    {"double quotes", "\"" + project_key + "\"", KeyLintVerdict::ok, project_key, "", 0, {"quotes"}},
    {"single quotes", "'" + project_key + "'", KeyLintVerdict::ok, project_key, "", 0, {"quotes"}},
    {"smart double quotes",
     "\xE2\x80\x9C" + project_key + "\xE2\x80\x9D",
     KeyLintVerdict::ok,
     project_key,
     "",
     0,
     {"quotes"}},
    {"smart single quotes",
     "\xE2\x80\x98" + project_key + "\xE2\x80\x99",
     KeyLintVerdict::ok,
     project_key,
     "",
     0,
     {"quotes"}},
    {"whitespace inside the quotes",
     "  \" " + project_key + "\n\"  ",
     KeyLintVerdict::ok,
     project_key,
     "",
     0,
     {"quotes"}},
    {"only one pair of quotes is removed",
     "\"\"" + project_key + "\"\"",
     KeyLintVerdict::malformed,
     "",
     "the character '\"' at position 1",
     1,
     {"quotes"}},
    {"mismatched quotes are not removed",
     "\"" + project_key + "'",
     KeyLintVerdict::malformed,
     "",
     "the character '\"' at position 1",
     1,
     {}},
    {"Bearer prefix", "Bearer " + project_key, KeyLintVerdict::ok, project_key, "", 0, {"Bearer"}},
    {"bearer prefix in any case, extra spaces",
     "bEaReR   " + project_key,
     KeyLintVerdict::ok,
     project_key,
     "",
     0,
     {"Bearer"}},
    {"quoted Bearer header value",
     "\"Bearer " + project_key + "\"",
     KeyLintVerdict::ok,
     project_key,
     "",
     0,
     {"quotes", "Bearer"}},
    {"empty", "", KeyLintVerdict::malformed, "", "empty", 0, {}},
    {"only whitespace", " \t\r\n ", KeyLintVerdict::malformed, "", "empty", 0, {}},
    {"empty quotes", "\"\"", KeyLintVerdict::malformed, "", "empty", 0, {"quotes"}},
    {"Bearer and nothing else", "Bearer  ", KeyLintVerdict::malformed, "", "too short: 6 characters", 0, {}},
    {"space", space_at_9, KeyLintVerdict::malformed, "", "a space at position 9", 9, {}},
    {"tab", "sk-proj-kw\t" + body40, KeyLintVerdict::malformed, "", "a tab at position 11", 11, {}},
    {"carriage return",
     "sk-proj-kwtest\r" + body40,
     KeyLintVerdict::malformed,
     "",
     "a carriage return (CR) at position 15",
     15,
     {}},
    {"line feed between two pasted keys",
     project_key + "\n" + project_key,
     KeyLintVerdict::malformed,
     "",
     "a line break (LF) at position 49",
     49,
     {}},
    {"NUL",
     std::string("sk-proj-kw\0", 11) + body40,
     KeyLintVerdict::malformed,
     "",
     "a NUL character at position 11",
     11,
     {}},
    {"zero-width space",
     "sk-proj-\xE2\x80\x8B" + body40,
     KeyLintVerdict::malformed,
     "",
     "a zero-width space (U+200B) at position 9",
     9,
     {}},
    {"non-breaking space",
     "sk-\xC2\xA0proj-" + body40,
     KeyLintVerdict::malformed,
     "",
     "a non-breaking space (U+00A0) at position 4",
     4,
     {}},
    {"byte order mark before the key",
     "\xEF\xBB\xBF" + project_key,
     KeyLintVerdict::malformed,
     "",
     "a byte order mark (U+FEFF) at position 1",
     1,
     {}},
    {"smart quote inside",
     "sk-proj-\xE2\x80\x9D" + body40,
     KeyLintVerdict::malformed,
     "",
     "a smart quote (U+201D) at position 9",
     9,
     {}},
    {"other non-ASCII character",
     "sk-proj-kwt\xC3\xA9st" + body40,
     KeyLintVerdict::malformed,
     "",
     "a non-ASCII character (U+00E9) at position 12",
     12,
     {}},
    {"emoji",
     "sk-\xF0\x9F\x94\x91" + body40,
     KeyLintVerdict::malformed,
     "",
     "a non-ASCII character (U+1F511) at position 4",
     4,
     {}},
    {"other ASCII character",
     "OPENAI_API_KEY=" + project_key,
     KeyLintVerdict::malformed,
     "",
     "the character '=' at position 15",
     15,
     {}},
    {"control character",
     "sk-proj\x07" + body40,
     KeyLintVerdict::malformed,
     "",
     "a control character (U+0007) at position 8",
     8,
     {}},
    {"the first of two bad characters is named",
     "sk-proj-\xE2\x80\x8B" + body40 + " x",
     KeyLintVerdict::malformed,
     "",
     "zero-width space (U+200B) at position 9",
     9,
     {}},
    {"position is counted in the key without its wrapping",
     "  \"Bearer sk-proj- " + body40 + "\"",
     KeyLintVerdict::malformed,
     "",
     "a space at position 9",
     9,
     {"quotes", "Bearer"}},
    {"invalid UTF-8 byte",
     "sk-proj-\xFF" + body40,
     KeyLintVerdict::malformed,
     "",
     "a byte that is not valid UTF-8 (0xFF) at position 9",
     9,
     {}},
    {"lone continuation byte",
     "sk-proj-\x80" + body40,
     KeyLintVerdict::malformed,
     "",
     "(0x80) at position 9",
     9,
     {}},
    {"overlong encoding",
     "sk-proj-\xC0\xAF" + body40,
     KeyLintVerdict::malformed,
     "",
     "(0xC0) at position 9",
     9,
     {}},
    {"encoded surrogate",
     "sk-proj-\xED\xA0\x80" + body40,
     KeyLintVerdict::malformed,
     "",
     "(0xED) at position 9",
     9,
     {}},
    {"sequence cut at the end",
     project_key + "\xE2\x80",
     KeyLintVerdict::malformed,
     "",
     "(0xE2) at position 49",
     49,
     {}},
    {"19 characters",
     "sk-" + repeated_to(16),
     KeyLintVerdict::malformed,
     "",
     "too short: 19 characters; a key has at least 20",
     0,
     {}},
    {"20 characters", "sk-" + repeated_to(17), KeyLintVerdict::ok, "sk-" + repeated_to(17), "", 0, {}},
    {"512 characters", "sk-" + repeated_to(509), KeyLintVerdict::ok, "sk-" + repeated_to(509), "", 0, {}},
    {"513 characters",
     "sk-" + repeated_to(510),
     KeyLintVerdict::malformed,
     "",
     "too long: 513 characters; a key has at most 512",
     0,
     {}},
    {"admin key", "sk-admin-" + body40, KeyLintVerdict::admin_key, "", "admin key", 0, {}},
    {"quoted admin key keeps its note",
     "'sk-admin-" + body40 + "'",
     KeyLintVerdict::admin_key,
     "",
     "Administration API",
     0,
     {"quotes"}},
    {"not starting with sk-", body40, KeyLintVerdict::ok, body40, "", 0, {"does not start with \"sk-\""}},
    {"Bearer and not sk-",
     "Bearer " + body40,
     KeyLintVerdict::ok,
     body40,
     "",
     0,
     {"Bearer", "does not start with \"sk-\""}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(key_lint_tests)

BOOST_DATA_TEST_CASE(lint_gives_the_expected_verdict_problem_position_and_notes, bdata::make(lint_cases), c) {
    const auto result = lint_key(c.raw);
    BOOST_TEST(static_cast<int>(result.verdict) == static_cast<int>(c.verdict));
    BOOST_TEST(result.ok() == (c.verdict == KeyLintVerdict::ok));
    BOOST_TEST(result.key == c.key);
    if (c.verdict == KeyLintVerdict::ok) {
        BOOST_TEST(result.problem.empty());
    } else {
        BOOST_TEST(result.problem.find(c.problem_part) != std::string::npos,
                   "problem \"" << result.problem << "\" should contain \"" << c.problem_part << "\"");
    }
    BOOST_TEST(result.bad_position == c.position);
    BOOST_TEST_REQUIRE(result.notes.size() == c.note_parts.size());
    for (std::size_t i = 0; i < c.note_parts.size(); ++i) {
        BOOST_TEST(result.notes[i].find(c.note_parts[i]) != std::string::npos,
                   "note \"" << result.notes[i] << "\" should contain \"" << c.note_parts[i] << "\"");
    }
}

BOOST_AUTO_TEST_CASE(problem_text_never_repeats_the_key) {
    for (const auto& c : lint_cases) {
        const auto result = lint_key(c.raw);
        BOOST_TEST(result.problem.find(body40) == std::string::npos, c.name);
        for (const auto& note : result.notes) {
            BOOST_TEST(note.find(body40) == std::string::npos, c.name);
        }
    }
}

// Pasted text can be anything; every byte value at every kind of place must give a verdict, not a crash,
// and a named position must lie inside the text.
BOOST_AUTO_TEST_CASE(arbitrary_bytes_never_crash_and_positions_stay_inside_the_text) {
    std::uint32_t state = 12345;
    const auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return static_cast<unsigned char>(state >> 24);
    };
    std::size_t malformed = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string raw = project_key;
        const int changes = 1 + round % 4;
        for (int i = 0; i < changes; ++i) {
            raw[next() % raw.size()] = static_cast<char>(next());
        }
        if (round % 3 == 0) {
            raw.resize(next() % raw.size());
        }
        const auto result = lint_key(raw);
        if (result.ok()) {
            BOOST_TEST(result.key.size() >= 20u);
        } else {
            ++malformed;
            BOOST_TEST(!result.problem.empty());
            BOOST_TEST(result.bad_position <= raw.size());
        }
    }
    BOOST_TEST(malformed > 1000u);  // the generator really produced bad input
}

BOOST_AUTO_TEST_CASE(every_single_byte_is_judged) {
    for (int byte = 0; byte < 256; ++byte) {
        const std::string raw = "sk-proj-" + std::string(1, static_cast<char>(byte)) + body40;
        const auto result = lint_key(raw);
        const bool key_character = std::isalnum(byte) || byte == '-' || byte == '_';
        BOOST_TEST(result.ok() == key_character, "byte " << byte);
        if (!key_character) {
            BOOST_TEST(result.bad_position == 9u, "byte " << byte);
        }
    }
}

struct MaskCase {
    std::string name;
    std::string key;
    std::string masked;
};

std::ostream& operator<<(std::ostream& out, const MaskCase& c) {
    return out << c.name;
}

const std::vector<MaskCase> mask_cases = {
    {"project key", project_key,
     "sk-proj-\xE2\x80\xA6"
     "CDEF"},
    {"service account key", "sk-svcacct-" + body40,
     "sk-svcacct-\xE2\x80\xA6"
     "CDEF"},
    {"admin key", "sk-admin-" + body40,
     "sk-admin-\xE2\x80\xA6"
     "CDEF"},
    {"legacy key", "sk-" + repeated_to(48),
     "sk-\xE2\x80\xA6"
     "st01"},
    {"key without a known prefix", body40,
     "\xE2\x80\xA6"
     "CDEF"},
    {"empty", "", "\xE2\x80\xA6"},
    {"short key is masked whole", "sk-kwtest0", "\xE2\x80\xA6"},
    {"11 characters are masked whole", "kwtest01234", "\xE2\x80\xA6"},
    {"12 characters keep the last 4", "kwtest012345",
     "\xE2\x80\xA6"
     "2345"},
    {"a prefix is kept only when enough stays hidden", "sk-proj-kwtest01234",
     "sk-\xE2\x80\xA6"
     "1234"},
    {"odd characters are masked whole", "sk-proj- " + body40, "\xE2\x80\xA6"},
    {"invalid UTF-8 is masked whole", "sk-proj-" + body40 + "\xFF", "\xE2\x80\xA6"},
};

BOOST_DATA_TEST_CASE(mask_key_keeps_the_prefix_and_last_four_only, bdata::make(mask_cases), c) {
    BOOST_TEST(mask_key(c.key) == c.masked);
}

BOOST_AUTO_TEST_CASE(mask_never_shows_more_than_prefix_and_four_characters) {
    for (std::size_t length = 0; length <= 64; ++length) {
        const std::string key = "sk-proj-" + repeated_to(length);
        const std::string masked = mask_key(key);
        const std::size_t hidden_marker = masked.find("\xE2\x80\xA6");
        BOOST_TEST_REQUIRE(hidden_marker != std::string::npos);
        const std::size_t shown = masked.size() - 3;  // "…" is three bytes
        BOOST_TEST((shown + 8 <= key.size() || shown == 0), "length " << key.size() << " -> " << masked);
    }
}

BOOST_AUTO_TEST_SUITE_END()

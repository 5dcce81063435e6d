// images/providers.json as the program reads it, and the rule it serves before any I/O: a key of another
// provider is named and never sent to a server that is not that provider's (reason wrong_provider). The
// keys here are made up: a real provider's prefix followed by kwtest filler.
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

#include "net/models_check.h"
#include "net/providers.h"
#include "tests/support/api_stand_in.h"
#include "tests/support/loopback_server.h"

using namespace keywizard::net;
using namespace keywizard::test;

namespace {

const std::string filler = "kwtest0123kwtest4567kwtest89ABkwtestCDEF";
const std::string anthropic_key = "sk-ant-api03-" + filler;
const std::string gemini_key = "AIzaSy" + filler.substr(0, 33);
const std::string openrouter_key = "sk-or-v1-" + filler;
const std::string groq_key = "gsk_" + filler;
const std::string xai_key = "xai-" + filler;

std::string id_of(const Provider* provider) {
    return provider == nullptr ? "none" : provider->id;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(providers_tests)

BOOST_AUTO_TEST_CASE(the_embedded_file_lists_every_provider_once_with_openai_first) {
    const auto& list = providers();
    BOOST_TEST_REQUIRE(list.size() == 9u);
    BOOST_TEST(list.front().id == "openai");
    BOOST_TEST(list.front().default_base_url == "https://api.openai.com/v1");
    std::set<std::string> ids;
    std::set<std::string> prefixes;
    for (const Provider& provider : list) {
        BOOST_TEST_CONTEXT(provider.id) {
            BOOST_TEST(ids.insert(provider.id).second, "an id is listed twice");
            BOOST_TEST(!provider.name.empty());
            BOOST_TEST(!provider.variables.empty());
            BOOST_TEST((!provider.hosts.empty() || !provider.host_suffixes.empty()));
            for (const std::string& prefix : provider.key_prefixes) {
                BOOST_TEST(prefixes.insert(prefix).second, "two providers claim " << prefix);
            }
        }
    }
    BOOST_TEST(provider_with_id("anthropic")->variables.front() == "ANTHROPIC_API_KEY");
    BOOST_TEST(provider_with_id("gemini")->variables.size() == 2u);  // GEMINI_API_KEY, also GOOGLE_API_KEY
    BOOST_TEST(provider_with_id("nonesuch") == nullptr);
}

BOOST_AUTO_TEST_CASE(a_key_belongs_to_the_provider_with_the_longest_matching_prefix) {
    BOOST_TEST(id_of(provider_of_key(anthropic_key)) == "anthropic");  // not OpenAI's "sk-"
    BOOST_TEST(id_of(provider_of_key(openrouter_key)) == "openrouter");
    BOOST_TEST(id_of(provider_of_key(gemini_key)) == "gemini");
    BOOST_TEST(id_of(provider_of_key(groq_key)) == "groq");
    BOOST_TEST(id_of(provider_of_key(xai_key)) == "xai");
    for (const std::string& openai : {"sk-proj-" + filler, "sk-svcacct-" + filler, "sk-" + filler}) {
        BOOST_TEST(id_of(provider_of_key(openai)) == "openai", openai.substr(0, 11));
    }
    // Shapes that are not distinctive are not guessed at: a DeepSeek key ("sk-" and 32 hex digits) reads as
    // OpenAI's, and 32 hex digits (Mistral, Azure) as nobody's.
    BOOST_TEST(id_of(provider_of_key("sk-0123456789abcdef0123456789abcdef")) == "openai");
    BOOST_TEST(id_of(provider_of_key("0123456789abcdef0123456789abcdef")) == "none");
    BOOST_TEST(id_of(provider_of_key("sk-an" + filler)) == "openai");  // almost sk-ant-
}

BOOST_AUTO_TEST_CASE(another_providers_key_may_go_only_to_that_providers_own_api) {
    BOOST_TEST(id_of(key_of_other_provider(anthropic_key, "https://api.openai.com/v1")) == "anthropic");
    BOOST_TEST(id_of(key_of_other_provider(anthropic_key, "https://127.0.0.1:8443/v1")) == "anthropic");
    BOOST_TEST(id_of(key_of_other_provider(gemini_key, "https://gateway.example.com/v1")) == "gemini");
    // The provider's OpenAI-compatible endpoints take its own keys: OPENAI_BASE_URL pointed at them is a
    // common way to use them from the OpenAI SDK.
    BOOST_TEST(id_of(key_of_other_provider(anthropic_key, "https://api.anthropic.com/v1/")) == "none");
    BOOST_TEST(id_of(key_of_other_provider(openrouter_key, "https://OpenRouter.ai/api/v1")) == "none");
    BOOST_TEST(id_of(key_of_other_provider(groq_key, "https://api.groq.com/openai/v1")) == "none");
    BOOST_TEST(id_of(key_of_other_provider(
                   gemini_key, "https://generativelanguage.googleapis.com/v1beta/openai/")) == "none");
    // A look-alike host is not the provider's.
    BOOST_TEST(id_of(key_of_other_provider(xai_key, "https://api.x.ai.example.com/v1")) == "xai");
    // OpenAI's own keys, and keys of no known shape, go wherever the person pointed them.
    BOOST_TEST(id_of(key_of_other_provider("sk-proj-" + filler, "https://api.anthropic.com/v1")) == "none");
    BOOST_TEST(id_of(key_of_other_provider(filler, "https://api.openai.com/v1")) == "none");
    // The key asked for decides: an Anthropic key where Anthropic's is asked for is not another's.
    BOOST_TEST(id_of(key_of_other_provider(anthropic_key, "https://127.0.0.1:8443", "anthropic")) == "none");
}

BOOST_FIXTURE_TEST_CASE(a_key_of_another_provider_is_named_and_never_sent, ApiFixture) {
    LoopbackServer server([](const RecordedRequest&, std::size_t) { return models_list(); });
    const std::pair<std::string, std::string> cases[] = {
        {anthropic_key, "Anthropic"},
        {gemini_key, "Google Gemini"},
        {openrouter_key, "OpenRouter"},
        {groq_key, "Groq"},
        {xai_key, "xAI"},
    };
    for (const auto& [key, name] : cases) {
        BOOST_TEST_CONTEXT(name) {
            // Pasted as people paste: around quotes and a Bearer prefix, which are cleaned first.
            const KeyCheckOutcome outcome = check_key(check_of(server, " \"Bearer " + key + "\" "));
            CHECK_OUTCOME(outcome, KeyStatus::rejected, Reason::wrong_provider);
            BOOST_TEST(outcome.exit_code() == 2);
            BOOST_TEST(outcome.attempts == 0);
            BOOST_TEST(outcome.message.find("a key for " + name + ", not an OpenAI key") != std::string::npos,
                       outcome.message);
            BOOST_TEST(outcome.message.find("kwtest") == std::string::npos, "the key is in the message");
            BOOST_TEST(outcome.remedy_url == "https://platform.openai.com/api-keys");
            BOOST_TEST(outcome.masked_key.find("kwtest") == std::string::npos);
        }
    }
    BOOST_TEST(server.connection_count() == 0u);
    // An OpenAI key to the same stand-in is sent and passes: the rule names keys, not servers.
    CHECK_OUTCOME(check_key(check_of(server)), KeyStatus::valid, Reason::ok);
    BOOST_TEST(server.connection_count() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

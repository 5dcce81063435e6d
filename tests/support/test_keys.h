#pragma once

#include <string>

namespace keywizard::test {

// The keys every test suite uses, one constant per meaning. Shaped like project keys so they pass the key
// checks, but plainly fake ("kwtest", no "T3BlbkFJ" in the middle as real keys have): never a real secret,
// and a test that finds one of them in a file, a log or argv has found a leak.
inline const std::string valid_key = "sk-proj-kwtest0123kwtest4567kwtest89ABkwtestCDEFkwtestGHIJ";
// A second working key: replacing one key with another, or the environment's key beside a stored one.
inline const std::string other_valid_key = "sk-proj-kwtestZYXWkwtest9876kwtest5432kwtestVUTSkwtestRQPO";
// A key the loopback stand-ins of the API answer with 401 invalid_api_key.
inline const std::string rejected_key = "sk-proj-kwtestGGGGkwtest5555kwtestHHHHkwtest6666kwtestJJJJ";
// A restricted key: it may list models but not write text (the stand-ins answer 403 missing scope).
inline const std::string scoped_key = "sk-proj-kwtestKKKKkwtest7777kwtestLLLLkwtest8888kwtestMMMM";

}  // namespace keywizard::test

#include "images/wizard_content.h"

#include <algorithm>
#include <initializer_list>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "images/embedded_files.h"

namespace keywizard::content {

namespace {

using nlohmann::json;

// Every error names where it is ("page \"done\": links[1].url") so whoever edits the content file can find
// the mistake without reading this parser.
[[noreturn]] void fail(const std::string& where, const std::string& problem) {
    throw std::runtime_error("wizard content: " + where + ": " + problem);
}

std::string in_quotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

// Unknown fields are errors, not ignored: a misspelt "step" would otherwise silently drop a page's steps.
void reject_unknown_fields(const json& object, std::initializer_list<std::string_view> known,
                           const std::string& where) {
    for (const auto& [key, value] : object.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            fail(where, "unknown field " + in_quotes(key));
        }
    }
}

std::string required_text(const json& object, const char* field, const std::string& where) {
    const auto found = object.find(field);
    if (found == object.end()) {
        fail(where, "missing field " + in_quotes(field));
    }
    if (!found->is_string()) {
        fail(where, "field " + in_quotes(field) + " must be a string");
    }
    auto text = found->get<std::string>();
    if (text.empty()) {
        fail(where, "field " + in_quotes(field) + " must not be empty");
    }
    return text;
}

// Optional list fields: absent means empty.
const json* optional_array(const json& object, const char* field, const std::string& where) {
    const auto found = object.find(field);
    if (found == object.end()) {
        return nullptr;
    }
    if (!found->is_array()) {
        fail(where, "field " + in_quotes(field) + " must be a list");
    }
    return &*found;
}

const json& object_at(const json& list, std::size_t index, const char* field, const std::string& where) {
    const json& item = list[index];
    if (!item.is_object()) {
        fail(where, std::string(field) + "[" + std::to_string(index) + "] must be an object");
    }
    return item;
}

std::string element_name(const char* field, std::size_t index) {
    return std::string(field) + "[" + std::to_string(index) + "]";
}

NoticeKind parse_notice_kind(const std::string& kind, const std::string& where) {
    if (kind == "info") {
        return NoticeKind::info;
    }
    if (kind == "warning") {
        return NoticeKind::warning;
    }
    if (kind == "danger") {
        return NoticeKind::danger;
    }
    if (kind == "success") {
        return NoticeKind::success;
    }
    fail(where, "kind " + in_quotes(kind) + " is not one of info, warning, danger, success");
}

// Illustration names select embedded files ("<name>@2x.png"), so they stay plain identifiers.
bool is_plain_name(std::string_view name) {
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

void parse_steps(const json& page_json, PageContent& page, const std::string& where) {
    const json* steps = optional_array(page_json, "steps", where);
    for (std::size_t i = 0; steps && i < steps->size(); ++i) {
        const json& step = (*steps)[i];
        if (!step.is_string() || step.get<std::string>().empty()) {
            fail(where, element_name("steps", i) + " must be a non-empty string");
        }
        page.steps.push_back(step.get<std::string>());
    }
}

void parse_links(const json& page_json, PageContent& page, const std::string& where) {
    const json* links = optional_array(page_json, "links", where);
    for (std::size_t i = 0; links && i < links->size(); ++i) {
        const std::string link_where = where + ": " + element_name("links", i);
        const json& link_json = object_at(*links, i, "links", where);
        reject_unknown_fields(link_json, {"label", "url"}, link_where);
        Link link{required_text(link_json, "label", link_where), required_text(link_json, "url", link_where)};
        // The wizard opens these in the person's browser: never send them anywhere unencrypted.
        if (!link.url.starts_with("https://")) {
            fail(link_where, "url " + in_quotes(link.url) + " must start with https://");
        }
        page.links.push_back(std::move(link));
    }
}

void parse_notices(const json& page_json, PageContent& page, const std::string& where) {
    const json* notices = optional_array(page_json, "notices", where);
    for (std::size_t i = 0; notices && i < notices->size(); ++i) {
        const std::string notice_where = where + ": " + element_name("notices", i);
        const json& notice_json = object_at(*notices, i, "notices", where);
        reject_unknown_fields(notice_json, {"kind", "text"}, notice_where);
        Notice notice;
        notice.kind = parse_notice_kind(required_text(notice_json, "kind", notice_where), notice_where);
        notice.text = required_text(notice_json, "text", notice_where);
        page.notices.push_back(std::move(notice));
    }
}

void parse_images(const json& page_json, PageContent& page, const std::string& where) {
    const json* images = optional_array(page_json, "images", where);
    for (std::size_t i = 0; images && i < images->size(); ++i) {
        const std::string image_where = where + ": " + element_name("images", i);
        const json& image_json = object_at(*images, i, "images", where);
        reject_unknown_fields(image_json, {"name", "caption"}, image_where);
        Illustration image{required_text(image_json, "name", image_where),
                           required_text(image_json, "caption", image_where)};
        if (!is_plain_name(image.name)) {
            fail(image_where, "name " + in_quotes(image.name) + " may only contain a-z, 0-9 and _");
        }
        page.images.push_back(std::move(image));
    }
}

PageContent parse_page(const json& page_json, std::size_t index) {
    const std::string position = element_name("pages", index);
    if (!page_json.is_object()) {
        fail(position, "must be an object");
    }
    PageContent page;
    page.id = required_text(page_json, "id", position);
    const std::string where = "page " + in_quotes(page.id);
    reject_unknown_fields(page_json, {"id", "title", "instruction", "steps", "links", "notices", "images"},
                          where);
    page.title = required_text(page_json, "title", where);
    page.instruction = required_text(page_json, "instruction", where);
    parse_steps(page_json, page, where);
    parse_links(page_json, page, where);
    parse_notices(page_json, page, where);
    parse_images(page_json, page, where);
    return page;
}

std::span<const unsigned char> embedded_file(std::string_view name) {
    for (const auto& file : detail::embedded_files()) {
        if (file.name == name) {
            return file.bytes;
        }
    }
    return {};
}

}  // namespace

const PageContent* WizardContent::page(std::string_view id) const {
    const auto found =
        std::find_if(pages.begin(), pages.end(), [&](const PageContent& p) { return p.id == id; });
    return found == pages.end() ? nullptr : &*found;
}

WizardContent parse_wizard_content(std::string_view json_text) {
    json document;
    try {
        document = json::parse(json_text);
    } catch (const json::parse_error& error) {
        fail("file", std::string("not valid JSON: ") + error.what());
    }
    if (!document.is_object()) {
        fail("file", "the top level must be an object with a \"pages\" list");
    }
    reject_unknown_fields(document, {"pages"}, "file");
    const auto pages = document.find("pages");
    if (pages == document.end()) {
        fail("file", "missing field \"pages\"");
    }
    if (!pages->is_array() || pages->empty()) {
        fail("file", "field \"pages\" must be a non-empty list");
    }

    WizardContent content;
    for (std::size_t i = 0; i < pages->size(); ++i) {
        PageContent page = parse_page((*pages)[i], i);
        if (content.page(page.id) != nullptr) {
            fail("page " + in_quotes(page.id), "the id is used by more than one page");
        }
        content.pages.push_back(std::move(page));
    }
    return content;
}

const WizardContent& wizard_content() {
    // A function-local static: parsed once, on first use, and thread-safe by the language's guarantee.
    static const WizardContent content = [] {
        const auto bytes = embedded_file("wizard_content.json");
        return parse_wizard_content(
            std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    }();
    return content;
}

std::span<const unsigned char> illustration_png(std::string_view name, int scale) {
    if (scale != 1 && scale != 2) {
        return {};
    }
    return embedded_file(std::string(name) + "@" + std::to_string(scale) + "x.png");
}

std::span<const unsigned char> app_icon_svg() {
    return embedded_file("app_icon.svg");
}

}  // namespace keywizard::content

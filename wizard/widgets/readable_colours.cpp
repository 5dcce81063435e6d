#include "wizard/widgets/readable_colours.h"

#include <wx/hyperlink.h>
#include <wx/settings.h>
#include <wx/window.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "wizard/widgets/loaded_function.h"

namespace keywizard::ui {
namespace {

double linear(unsigned char channel) {
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const wxColour& colour) {
    return 0.2126 * linear(colour.Red()) + 0.7152 * linear(colour.Green()) + 0.0722 * linear(colour.Blue());
}

// What text is drawn on: the parent's colour (a label has none of its own under GTK).
wxColour background_behind(const wxWindow* window) {
    const wxWindow* parent = window->GetParent() != nullptr ? window->GetParent() : window;
    return parent->GetBackgroundColour();
}

// Black or white, whichever is farther from `background`: the direction text gets more readable in.
wxColour away_from(const wxColour& background) {
    return luminance(background) > 0.18 ? *wxBLACK : *wxWHITE;
}

// wxGTK's native link (a GtkLinkButton) keeps the theme's colour whatever SetNormalColour() says: GTK 3
// takes colours from CSS, and the theme colours the button's label itself (its ":link" state is passed on
// to it). A style provider on both, above the theme and the application's (GTK_STYLE_PROVIDER_PRIORITY_USER),
// sets it.
void set_native_link_colour(wxHyperlinkCtrl* link, const wxColour& colour) {
    if (link->GetHandle() == nullptr) {
        return;
    }
    using NewProvider = void* (*)();
    using LoadFromData = int (*)(void* provider, const char* data, long length, void** error);
    using GetStyleContext = void* (*)(void* widget);
    using AddProvider = void (*)(void* context, void* provider, unsigned priority);
    using GetChild = void* (*)(void* bin);
    using Unref = void (*)(void* object);
    constexpr const char* gtk = "libgtk-3.so.0";
    const auto new_provider = loaded_function<NewProvider>(gtk, "gtk_css_provider_new");
    const auto load = loaded_function<LoadFromData>(gtk, "gtk_css_provider_load_from_data");
    const auto context_of = loaded_function<GetStyleContext>(gtk, "gtk_widget_get_style_context");
    const auto add = loaded_function<AddProvider>(gtk, "gtk_style_context_add_provider");
    const auto child_of = loaded_function<GetChild>(gtk, "gtk_bin_get_child");
    const auto unref = loaded_function<Unref>("libgobject-2.0.so.0", "g_object_unref");
    if (new_provider == nullptr || load == nullptr || context_of == nullptr || add == nullptr ||
        child_of == nullptr || unref == nullptr) {
        return;
    }
    const std::string css = "* { color: " + colour.GetAsString(wxC2S_HTML_SYNTAX).utf8_string() + "; }";
    void* provider = new_provider();
    if (load(provider, css.c_str(), -1, nullptr) != 0) {
        constexpr unsigned priority_user = 800;
        void* button = link->GetHandle();
        add(context_of(button), provider, priority_user);
        if (void* label = child_of(button); label != nullptr) {
            add(context_of(label), provider, priority_user);
        }
    }
    unref(provider);  // the style contexts keep their own references
}

}  // namespace

double contrast_ratio(const wxColour& a, const wxColour& b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

wxColour mix(const wxColour& a, const wxColour& b, double weight) {
    auto channel = [weight](unsigned char x, unsigned char y) {
        return static_cast<unsigned char>(std::lround(x + (y - x) * weight));
    };
    return wxColour(channel(a.Red(), b.Red()), channel(a.Green(), b.Green()), channel(a.Blue(), b.Blue()));
}

wxColour with_contrast(const wxColour& colour, const wxColour& background, const wxColour& toward,
                       double ratio) {
    if (contrast_ratio(colour, background) >= ratio) {
        return colour;
    }
    // The least mixing that reaches the ratio; contrast grows with the weight, so halve the interval.
    double low = 0.0;
    double high = 1.0;
    for (int step = 0; step < 12; ++step) {
        const double middle = (low + high) / 2;
        (contrast_ratio(mix(colour, toward, middle), background) >= ratio ? high : low) = middle;
    }
    return mix(colour, toward, high);
}

void make_secondary_text(wxWindow* text) {
    const wxColour background = background_behind(text);
    text->SetForegroundColour(with_contrast(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT), background,
                                            away_from(background), readable_ratio));
}

void make_error_text(wxWindow* text) {
    const wxColour background = background_behind(text);
    // The same red as the danger icon, lightened on a dark window and darkened on a light one.
    text->SetForegroundColour(
        with_contrast(wxColour(0xc6, 0x28, 0x28), background, away_from(background), readable_ratio));
}

void make_link_readable(wxHyperlinkCtrl* link) {
    const wxColour background = background_behind(link);
    const wxColour toward = away_from(background);
    // Computed before any is set: the native link answers GetNormalColour() with the theme's colour.
    const wxColour normal = with_contrast(link->GetNormalColour(), background, toward, readable_ratio);
    const wxColour visited = with_contrast(link->GetVisitedColour(), background, toward, readable_ratio);
    const wxColour hover = with_contrast(link->GetHoverColour(), background, toward, readable_ratio);
    link->SetNormalColour(normal);
    link->SetVisitedColour(visited);
    link->SetHoverColour(hover);
    set_native_link_colour(link, normal);
}

}  // namespace keywizard::ui

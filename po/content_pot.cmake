# cmake -DINPUT=wizard_content.json -DSOURCE_NAME=images/wizard_content.json -DOUTPUT=content.pot -P content_pot.cmake
#
# The wizard's content file is data, not code, so xgettext cannot read it: this writes its words (titles,
# instructions, steps, link labels, notices, picture captions) as a .pot that po/CMakeLists.txt merges into
# keywizard.pot. The program looks each string up in the catalog when it shows it (wxGetTranslation in
# wizard/pages/content_view.cpp), so one content file serves every language, and a host's own content file
# is translated by the host's catalog the same way. Ids, picture names and URLs are not words: left out.
cmake_minimum_required(VERSION 3.25)
file(READ "${INPUT}" json)
set(entries "")
set(seen "")

function(escape_po text out)
  string(REPLACE "\\" "\\\\" text "${text}")
  string(REPLACE "\"" "\\\"" text "${text}")
  string(REPLACE "\n" "\\n" text "${text}")
  string(REPLACE "\t" "\\t" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# Appends one msgid, once, with where it came from as a translator comment.
macro(add_text text where)
  if(NOT "${text}" STREQUAL "")
    escape_po("${text}" escaped)
    string(MD5 key "${escaped}")
    if(NOT key IN_LIST seen)
      list(APPEND seen ${key})
      string(APPEND entries "#. ${where}\n#: ${SOURCE_NAME}\nmsgid \"${escaped}\"\nmsgstr \"\"\n\n")
    endif()
  endif()
endmacro()

string(JSON page_count LENGTH "${json}" pages)
math(EXPR last_page "${page_count} - 1")
foreach(p RANGE ${last_page})
  string(JSON id GET "${json}" pages ${p} id)
  foreach(field title instruction)
    string(JSON text ERROR_VARIABLE missing GET "${json}" pages ${p} ${field})
    if(NOT missing)
      add_text("${text}" "page ${id}: ${field}")
    endif()
  endforeach()
  # Arrays: steps are strings; links, notices and images are objects with one field of words each.
  foreach(array_field steps links:label notices:text images:caption)
    string(REPLACE ":" ";" parts "${array_field}")
    list(GET parts 0 array)
    list(LENGTH parts has_member)
    string(JSON count ERROR_VARIABLE missing LENGTH "${json}" pages ${p} ${array})
    if(missing OR count EQUAL 0)
      continue()
    endif()
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      if(has_member EQUAL 2)
        list(GET parts 1 member)
        string(JSON text GET "${json}" pages ${p} ${array} ${i} ${member})
        add_text("${text}" "page ${id}: ${array} ${i} ${member}")
      else()
        string(JSON text GET "${json}" pages ${p} ${array} ${i})
        add_text("${text}" "page ${id}: ${array} ${i}")
      endif()
    endforeach()
  endforeach()
endforeach()

file(WRITE "${OUTPUT}" "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n${entries}")

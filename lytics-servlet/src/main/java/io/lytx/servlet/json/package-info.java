/** JSON-P support shared by the library's packages: one provider lookup per web application. */
package io.lytx.servlet.json;

<%@ include file="/WEB-INF/jspf/taglibs.jspf" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>lytx demo: log in</title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/static/site.css">
  <lytics:head/>
</head>
<body>
<%@ include file="/WEB-INF/jspf/header.jspf" %>
<main>
  <h1>Demo login</h1>
  <p class="muted">Pick a demo user (no password). The app puts the email in the session attribute the
    plugin reads (<code>lytics.identity.attribute=example.user</code>); on the next page the plugin sends one
    <code>login</code> event (<code>_e=login</code>, as Lytics names it) carrying your visitor cookie and the email, and Lytics stitches them.</p>
  <form method="post" action="${pageContext.request.contextPath}/login" class="users">
    <c:forEach var="u" items="${demoUsers}">
      <button type="submit" name="user" value="${u.id}" id="login-${u.id}">
        <strong><c:out value="${u.firstName}"/></strong> <span><c:out value="${u.email}"/></span>
        <small><c:out value="${u.story}"/></small>
      </button>
    </c:forEach>
  </form>
</main>
<%@ include file="/WEB-INF/jspf/footer.jspf" %>
</body>
</html>
